import { describe, expect, it } from 'vitest';
import { analyzeFindingFixture, findingsOfKind } from './analyze-fixture.js';

describe('findings about shared data', () => {
  it('flags a table written by two services as high and one read by another service as medium, naming the owner', async () => {
    const analysis = await analyzeFindingFixture('shared-table');
    expect(findingsOfKind(analysis, 'shared-table')).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        kind: 'shared-table',
        severity: 'high',
        message: 'Table customers is written by 2 services (billing and orders)',
        locations: [{ file: 'src/billing/invoices.repository.ts', line: 26 }],
        evidence: [
          'billing writes customers at src/billing/invoices.repository.ts:26 (knex)',
          'orders writes customers at src/orders/orders.repository.ts:23 (knex)',
          'orders writes customers at src/orders/orders.repository.ts:27 (knex)',
        ],
        suggestion: 'Make orders the owner of customers. billing should change it through an API of orders instead of writing it.',
        services: ['billing', 'orders'],
      },
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        kind: 'shared-table',
        severity: 'medium',
        message: 'Table orders is written by orders and read by billing',
        locations: [{ file: 'src/billing/invoices.repository.ts', line: 6 }],
        evidence: [
          'billing reads orders at src/billing/invoices.repository.ts:6 (knex)',
          'orders writes orders at src/orders/orders.repository.ts:22 (knex)',
          'orders reads orders at src/orders/orders.repository.ts:32 (knex)',
        ],
        suggestion:
          "Make orders the owner of orders. billing should read it through an API of orders, or keep a read model replicated from orders's events.",
        services: ['billing', 'orders'],
      },
    ]);
  });

  it('flags a join between tables of two owners at the line of the query', async () => {
    const analysis = await analyzeFindingFixture('cross-service-join');
    expect(findingsOfKind(analysis, 'cross-service-join')).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        kind: 'cross-service-join',
        severity: 'medium',
        message: 'A query in src/billing/invoices.repository.ts joins tables of 2 services: invoices (billing) and orders (orders)',
        locations: [{ file: 'src/billing/invoices.repository.ts', line: 20 }],
        evidence: [
          'invoices (owner billing) read at src/billing/invoices.repository.ts:20',
          'orders (owner orders) read at src/billing/invoices.repository.ts:20',
        ],
        suggestion:
          "Split the query: read orders through the owning service's API and join in code, or keep a read model of the data this query needs, fed by the owners' events.",
        services: ['billing', 'orders'],
      },
    ]);
  });

  it('flags a transaction over tables of two owners as high and suggests a saga with an outbox', async () => {
    const analysis = await analyzeFindingFixture('cross-service-transaction');
    const [finding, ...others] = findingsOfKind(analysis, 'cross-service-transaction');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'high',
      message: 'A transaction in src/orders/orders.repository.ts spans tables of 2 services (inventory and orders): order_lines, orders and stock_items',
      locations: [{ file: 'src/orders/orders.repository.ts', line: 16 }],
      services: ['inventory', 'orders'],
    });
    expect(finding!.evidence).toEqual([
      'writes orders (owner orders) at src/orders/orders.repository.ts:16',
      'writes order_lines (owner orders) at src/orders/orders.repository.ts:23',
      'writes stock_items (owner inventory) at src/orders/orders.repository.ts:25',
    ]);
    expect(finding!.suggestion).toContain('saga');
    expect(finding!.suggestion).toContain('transactional outbox');
    expect(analysis.metrics.crossServiceTransactions).toBe(1);
  });
});
