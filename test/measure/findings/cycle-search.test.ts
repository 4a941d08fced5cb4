import { describe, expect, it } from 'vitest';
import { findCrossServiceCycles } from '../../../src/measure/findings/find-cross-service-cycles.js';
import { findShortestPath } from '../../../src/measure/findings/find-shortest-path.js';
import { findStronglyConnected } from '../../../src/measure/findings/find-strongly-connected.js';
import type { FindingInput } from '../../../src/measure/findings/finding-input.js';
import type { ServiceEdge } from '../../../src/measure/service-view.js';

const toGraph = (edges: [string, string][]) => {
  const successors = new Map<string, string[]>();
  for (const [from, to] of edges) {
    successors.set(from, [...(successors.get(from) ?? []), to]);
    if (!successors.has(to)) successors.set(to, []);
  }
  return successors;
};

describe('strongly connected components (iterative Tarjan)', () => {
  it('finds two cycles and leaves the nodes between them alone, largest first', () => {
    const graph = toGraph([
      ['catalog', 'pricing'],
      ['pricing', 'promotions'],
      ['promotions', 'catalog'],
      ['promotions', 'orders'],
      ['orders', 'payments'],
      ['payments', 'orders'],
      ['payments', 'ledger'],
    ]);
    expect(findStronglyConnected(graph)).toEqual([['catalog', 'pricing', 'promotions'], ['orders', 'payments'], ['ledger']]);
  });

  it('walks a 50 000-node chain that closes into one cycle without overflowing the stack', () => {
    const size = 50_000;
    const successors = new Map<string, string[]>();
    for (let index = 0; index < size; index++) successors.set(`n${index}`, [`n${(index + 1) % size}`]);
    const [largest] = findStronglyConnected(successors);
    expect(largest).toHaveLength(size);
  });
});

describe('shortest path (breadth-first)', () => {
  it('prefers the path with fewer edges and breaks ties by the sorted order of successors', () => {
    const graph = toGraph([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['c', 'd'],
      ['d', 'e'],
      ['a', 'x'],
      ['x', 'y'],
      ['y', 'z'],
      ['z', 'e'],
    ]);
    expect(findShortestPath(graph, 'a', 'e')).toEqual(['a', 'b', 'd', 'e']);
    expect(findShortestPath(graph, 'e', 'a')).toBeNull();
  });
});

describe('cross-service cycles', () => {
  const edge = (from: string, to: string, fromService: string, toService: string, line = 1): ServiceEdge => ({
    from,
    to,
    fromService,
    toService,
    kinds: ['import'],
    weight: 1,
    line,
    names: [],
  });
  const input = (edges: ServiceEdge[]) =>
    ({ edges, services: [{ id: 'orders' }, { id: 'payments' }, { id: 'ledger' }] }) as unknown as FindingInput;

  it('is no cycle when the way back is an import of types only, gone at run time', () => {
    const typeOnly = { ...edge('src/payments/refund.ts', 'src/orders/order.types.ts', 'payments', 'orders', 2), kinds: ['type'], weight: 0.3 };
    expect(findCrossServiceCycles(input([edge('src/orders/checkout.ts', 'src/payments/charge.ts', 'orders', 'payments', 3), typeOnly]))).toEqual([]);
    const alsoAtRunTime = { ...typeOnly, kinds: ['type', 'import'] };
    expect(findCrossServiceCycles(input([edge('src/orders/checkout.ts', 'src/payments/charge.ts', 'orders', 'payments', 3), alsoAtRunTime]))).toHaveLength(1);
  });

  it('is medium when the services depend on each other only through different files', () => {
    const [finding] = findCrossServiceCycles(
      input([
        edge('src/orders/checkout.ts', 'src/payments/charge.ts', 'orders', 'payments', 3),
        edge('src/payments/refund.ts', 'src/orders/order-lookup.ts', 'payments', 'orders', 7),
      ]),
    );
    expect(finding).toMatchObject({
      severity: 'medium',
      message: 'Services orders and payments depend on each other',
      locations: [
        { file: 'src/orders/checkout.ts', line: 3 },
        { file: 'src/payments/refund.ts', line: 7 },
      ],
      services: ['orders', 'payments'],
    });
    expect(finding!.evidence.at(-1)).toBe('no file-level cycle: the services depend on each other through different files');
  });

  it('reports a cycle of three services once, with the shortest file cycle through them', () => {
    const findings = findCrossServiceCycles(
      input([
        edge('src/orders/a.ts', 'src/payments/b.ts', 'orders', 'payments', 2),
        edge('src/payments/b.ts', 'src/ledger/c.ts', 'payments', 'ledger', 4),
        edge('src/ledger/c.ts', 'src/orders/a.ts', 'ledger', 'orders', 6),
      ]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'high', message: 'Services ledger, orders and payments depend on each other in a cycle' });
    expect(findings[0]!.evidence.at(-1)).toBe(
      'shortest file cycle: src/ledger/c.ts:6 → src/orders/a.ts:2 → src/payments/b.ts:4 → src/ledger/c.ts',
    );
  });
});
