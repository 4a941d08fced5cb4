import type { Analysis } from '../../src/types.js';
import { createSyntheticAnalysis } from './create-synthetic-analysis.js';

/**
 * Two services, a shared kernel file and one shared table, small enough to write a renderer's
 * whole output by hand. `names` replaces the two service names and the table name.
 */
export function createTinyAnalysis(names: { orders: string; billing: string; table: string } = { orders: 'orders', billing: 'billing', table: 'invoices' }): Analysis {
  const base = createSyntheticAnalysis({ files: 10, services: 1 });
  const file = (path: string, service: string | null, role: 'service' | 'shared') => ({
    ...base.files[0]!,
    path,
    service,
    role,
  });
  return {
    ...base,
    root: 'shop',
    services: [
      { ...base.services[0]!, id: 'orders', name: names.orders, size: 2, confidence: 1, files: ['src/orders/order.service.ts', 'src/orders/order.controller.ts'] },
      { ...base.services[0]!, id: 'billing', name: names.billing, size: 1, confidence: 0.75, files: ['src/billing/invoice.service.ts'] },
    ],
    sharedKernel: [{ path: 'src/common/logger.ts', reason: 'used by 3 of 4 files' }],
    unassigned: [],
    files: [
      file('src/billing/invoice.service.ts', 'billing', 'service'),
      file('src/common/logger.ts', null, 'shared'),
      file('src/orders/order.controller.ts', 'orders', 'service'),
      file('src/orders/order.service.ts', 'orders', 'service'),
    ],
    edges: [
      { from: 'src/billing/invoice.service.ts', to: 'src/common/logger.ts', kinds: ['import'], weight: 1, line: 1 },
      { from: 'src/orders/order.controller.ts', to: 'src/orders/order.service.ts', kinds: ['import'], weight: 1, line: 2 },
      { from: 'src/orders/order.service.ts', to: 'src/billing/invoice.service.ts', kinds: ['import'], weight: 1, line: 3 },
    ],
    dependencies: [{ from: 'orders', to: 'billing', edges: 1, weight: 1, kinds: { import: 1 } }],
    tables: [
      {
        name: names.table,
        kind: 'table',
        declaredIn: [],
        owner: 'billing',
        accessors: [
          { service: 'billing', files: ['src/billing/invoice.service.ts'], reads: 1, writes: 2 },
          { service: 'orders', files: ['src/orders/order.service.ts'], reads: 3, writes: 0 },
        ],
        shared: true,
      },
    ],
  };
}
