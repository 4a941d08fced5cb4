import { describe, expect, it } from 'vitest';
import { applyConstraints, applyServiceNames } from '../../src/cluster/apply-constraints.js';

const files = [
  'src/billing/invoice.ts',
  'src/billing/refund.ts',
  'src/orders/cart.ts',
  'src/orders/checkout.ts',
  'src/orders/order.ts',
  'src/search/indexer.ts',
  'src/shipping/label.ts',
];
/** Clustering put billing and checkout together (0), the rest of orders (1), shipping (2); the indexer is unplaced. */
const clustered = new Map([
  ['src/billing/invoice.ts', 0],
  ['src/billing/refund.ts', 0],
  ['src/orders/checkout.ts', 0],
  ['src/orders/cart.ts', 1],
  ['src/orders/order.ts', 1],
  ['src/shipping/label.ts', 2],
  ['src/search/indexer.ts', -1],
  ['table:orders', 1],
]);

describe('applying pins and groups to a partition', () => {
  it('moves a group to the community that holds most of it', () => {
    const { communities } = applyConstraints(files, clustered, { pins: {}, groups: [['src/orders/**']] });
    expect(communities.get('src/orders/checkout.ts')).toBe(1);
    expect(communities.get('src/billing/invoice.ts')).toBe(0);
    expect(communities.get('table:orders')).toBe(1);
  });

  it('gives a group of unplaced files a community of its own', () => {
    const { communities } = applyConstraints(files, clustered, { pins: {}, groups: [['src/search/**']] });
    expect(communities.get('src/search/indexer.ts')).toBe(3);
  });

  it('reuses the community where pinned files are at least half, and opens a new one where they are not', () => {
    const result = applyConstraints(files, clustered, {
      pins: { 'src/billing/**': 'billing', 'src/shipping/**': 'shipping', 'src/search/*.ts': 'search' },
      groups: [],
    });
    expect(result.communities.get('src/billing/invoice.ts')).toBe(0);
    expect(result.communities.get('src/orders/checkout.ts')).toBe(0);
    expect(result.communities.get('src/shipping/label.ts')).toBe(2);
    expect(result.communities.get('src/search/indexer.ts')).toBe(3);
    expect(result.pinnedNames).toEqual(
      new Map([
        [0, 'billing'],
        [3, 'search'],
        [2, 'shipping'],
      ]),
    );
    expect([...result.pinnedFiles.keys()]).toEqual(['src/billing/invoice.ts', 'src/billing/refund.ts', 'src/search/indexer.ts', 'src/shipping/label.ts']);
  });

  it('lets a pin win over a group, and the first matching pin win over later ones', () => {
    const { communities, pinnedFiles } = applyConstraints(files, clustered, {
      pins: { 'src/orders/checkout.ts': 'payments', 'src/orders/**': 'orders' },
      groups: [['src/orders/**', 'src/billing/**']],
    });
    expect(pinnedFiles.get('src/orders/checkout.ts')).toBe('payments');
    expect(pinnedFiles.get('src/orders/cart.ts')).toBe('orders');
    expect(communities.get('src/orders/checkout.ts')).not.toBe(communities.get('src/orders/cart.ts'));
  });
});

describe('service names', () => {
  it('takes pin names, moves a clashing generated name aside, then applies renames', () => {
    expect(applyServiceNames(['order', 'billing', 'billing-ui'], [undefined, undefined, 'billing'], { order: 'fulfilment' })).toEqual([
      'fulfilment',
      'billing-2',
      'billing',
    ]);
  });

  it('refuses a rename onto another service name', () => {
    expect(() => applyServiceNames(['order', 'billing'], [undefined, undefined], { order: 'billing' })).toThrow(
      'serviceNames.order: "billing" is already the name of another service',
    );
  });
});
