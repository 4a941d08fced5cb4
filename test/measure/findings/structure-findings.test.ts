import { describe, expect, it } from 'vitest';
import { analyzeFindingFixture, findingsOfKind } from './analyze-fixture.js';

const anId = expect.stringMatching(/^[0-9a-f]{16}$/);

describe('findings about the dependency structure', () => {
  it('flags two services that import each other, with the shortest file cycle as evidence', async () => {
    const analysis = await analyzeFindingFixture('cross-service-cycle');
    expect(findingsOfKind(analysis, 'cross-service-cycle')).toEqual([
      {
        id: anId,
        kind: 'cross-service-cycle',
        severity: 'high',
        message: 'Services billing and orders depend on each other',
        locations: [
          { file: 'src/billing/invoices.service.ts', line: 4 },
          { file: 'src/orders/orders.service.ts', line: 4 },
        ],
        evidence: [
          'billing → orders: 1 file edge, weight 1 (e.g. src/billing/invoices.service.ts:4 → src/orders/orders.service.ts)',
          'orders → billing: 1 file edge, weight 1 (e.g. src/orders/orders.service.ts:4 → src/billing/invoices.service.ts)',
          'shortest file cycle: src/billing/invoices.service.ts:4 → src/orders/orders.service.ts:4 → src/billing/invoices.service.ts',
        ],
        suggestion:
          'Break the cycle where it is weakest: billing → orders (1 file edge, from src/billing/invoices.service.ts). Replace it with an event that orders publishes, or move the code it uses into billing, so that dependencies run one way.',
        services: ['billing', 'orders'],
      },
    ]);
    expect(analysis.extractionOrder.map((step) => [step.service, step.cycles])).toEqual([
      ['billing', 1],
      ['orders', 1],
    ]);
  });

  it('flags a module with high fan-in and fan-out relative to the project as a hub', async () => {
    const analysis = await analyzeFindingFixture('hub-module');
    expect(findingsOfKind(analysis, 'hub-module')).toEqual([
      {
        id: anId,
        kind: 'hub-module',
        severity: 'medium',
        message: 'src/orders/order-workflow.ts is a hub: 5 files depend on it and it depends on 6 files',
        locations: [{ file: 'src/orders/order-workflow.ts', line: 1 }],
        evidence: [
          'fan-in 5 (project threshold 5), fan-out 6 (threshold 5)',
          'used by: orders (5)',
          'uses: billing (2), orders (2), shipping (2)',
        ],
        suggestion:
          'Split src/orders/order-workflow.ts by its users so that each part has one reason to change (its dependents and dependencies span billing, orders and shipping), or put an interface in front of it so that its dependents stop depending on what it depends on.',
        services: ['billing', 'orders', 'shipping'],
      },
    ]);
  });

  it('flags the large file that reaches into every other service as a god module', async () => {
    const analysis = await analyzeFindingFixture('god-module');
    const [finding, ...others] = findingsOfKind(analysis, 'god-module');
    expect(others).toEqual([]);
    expect(finding).toEqual({
      id: anId,
      kind: 'god-module',
      severity: 'medium',
      message: 'src/backoffice/backoffice.service.ts is a god module: 213 lines coupled to 3 other services (billing, orders and shipping)',
      locations: [{ file: 'src/backoffice/backoffice.service.ts', line: 1 }],
      evidence: [
        '213 lines (project threshold 200), fan-in 1, fan-out 8',
        'billing: uses src/billing/invoice.mapper.ts; uses src/billing/invoice.model.ts; uses src/billing/invoices.service.ts',
        'orders: uses src/orders/order.mapper.ts; uses src/orders/order.model.ts; uses src/orders/orders.service.ts',
        'shipping: uses src/shipping/shipment.validation.ts; uses src/shipping/shipments.service.ts',
      ],
      suggestion:
        'Break src/backoffice/backoffice.service.ts up along service lines: move the parts that serve billing, orders and shipping into those services (or behind their APIs) and keep only what backoffice needs.',
      services: ['backoffice', 'billing', 'orders', 'shipping'],
    });
  });

  it('flags a file whose dependency weight goes mostly to another service, and suggests the move', async () => {
    const analysis = await analyzeFindingFixture('misplaced-file');
    expect(findingsOfKind(analysis, 'misplaced-file')).toEqual([
      {
        id: anId,
        kind: 'misplaced-file',
        severity: 'low',
        message: 'src/billing/revenue-report.ts is pinned to billing but 72% of its dependency weight goes to orders',
        locations: [{ file: 'src/billing/revenue-report.ts', line: 1 }],
        evidence: ['orders: weight 3.3', 'billing: weight 1.3 (its service)'],
        suggestion:
          "Either move src/billing/revenue-report.ts to orders (and change its pin), or cut its ties to orders: call orders's API instead of importing its code.",
        services: ['billing', 'orders'],
      },
    ]);
  });

  it('flags two services tied only by type imports and suggests a contracts package', async () => {
    const analysis = await analyzeFindingFixture('type-only-coupling');
    expect(findingsOfKind(analysis, 'type-only-coupling')).toEqual([
      {
        id: anId,
        kind: 'type-only-coupling',
        severity: 'low',
        message: 'billing → orders: only type imports (1 file edge)',
        locations: [{ file: 'src/billing/invoices.service.ts', line: 4 }],
        evidence: ['src/billing/invoices.service.ts:4 → src/orders/order.model.ts (Order)'],
        suggestion: 'Move Order into a contracts package that billing and orders both depend on, or generate the types from the API schema.',
        services: ['billing', 'orders'],
      },
    ]);
  });

  it('reports nothing but the one coupling each fixture was built to show', async () => {
    const kinds = ['cross-service-cycle', 'hub-module', 'god-module', 'misplaced-file', 'type-only-coupling'];
    for (const kind of kinds) {
      const analysis = await analyzeFindingFixture(kind);
      expect(analysis.findings.map((finding) => finding.kind), kind).toEqual([kind]);
    }
  });
});
