import { describe, expect, it } from 'vitest';
import { getExtractionOrder } from '../../src/measure/get-extraction-order.js';
import type { FileEdge, Finding, Service, Table } from '../../src/types.js';
import { analyzeFindingFixture } from './findings/analyze-fixture.js';

const service = (id: string) => ({ id }) as Service;
const edge = (from: string, to: string): FileEdge => ({ from, to, kinds: ['import'], weight: 1, line: 1 });
const finding = (kind: string, services: string[]) => ({ kind, services }) as Finding;

describe('extraction order', () => {
  it('ranks services by edges + 3·shared tables + 5·transactions + 5·cycles, cheapest first', () => {
    const serviceOf = (file: string) => file.split('/')[1] ?? null;
    const order = getExtractionOrder({
      services: [service('orders'), service('billing'), service('search')],
      edges: [
        edge('src/orders/a.ts', 'src/billing/b.ts'),
        edge('src/billing/b.ts', 'src/orders/c.ts'),
        edge('src/orders/a.ts', 'src/orders/c.ts'),
        edge('src/search/index.ts', 'src/orders/c.ts'),
      ],
      tables: [
        { name: 'orders', shared: true, accessors: [{ service: 'orders' }, { service: 'billing' }] },
        { name: 'invoices', shared: false, accessors: [{ service: 'billing' }] },
      ] as Table[],
      findings: [finding('cross-service-transaction', ['orders', 'billing']), finding('cross-service-cycle', ['orders', 'billing'])],
      serviceOf,
    });
    expect(order).toEqual([
      { rank: 1, service: 'search', cost: 1, crossServiceEdges: 1, sharedTables: 0, crossServiceTransactions: 0, cycles: 0 },
      { rank: 2, service: 'billing', cost: 15, crossServiceEdges: 2, sharedTables: 1, crossServiceTransactions: 1, cycles: 1 },
      { rank: 3, service: 'orders', cost: 16, crossServiceEdges: 3, sharedTables: 1, crossServiceTransactions: 1, cycles: 1 },
    ]);
  });

  it("leaves the god module's service for last: every edge of the back office crosses a service line", async () => {
    const analysis = await analyzeFindingFixture('god-module');
    expect(analysis.extractionOrder.map(({ rank, service, cost }) => ({ rank, service, cost }))).toEqual([
      { rank: 1, service: 'shipping', cost: 2 },
      { rank: 2, service: 'billing', cost: 3 },
      { rank: 3, service: 'orders', cost: 3 },
      { rank: 4, service: 'backoffice', cost: 8 },
    ]);
  });
});
