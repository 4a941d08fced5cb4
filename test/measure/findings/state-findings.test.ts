import { describe, expect, it } from 'vitest';
import { analyzeFindingFixture, findingsOfKind } from './analyze-fixture.js';

const anId = expect.stringMatching(/^[0-9a-f]{16}$/);

describe('findings about state shared in one process', () => {
  it('flags module-level mutable state that files of two services use, at its declarations and the foreign import', async () => {
    const analysis = await analyzeFindingFixture('shared-mutable-state');
    expect(findingsOfKind(analysis, 'shared-mutable-state')).toEqual([
      {
        id: anId,
        kind: 'shared-mutable-state',
        severity: 'medium',
        message:
          'src/billing/exchange-rates.ts holds module-level mutable state (exchangeRates and lastRefreshedAt) used by 2 services (billing and orders)',
        locations: [
          { file: 'src/billing/exchange-rates.ts', line: 5 },
          { file: 'src/billing/exchange-rates.ts', line: 7 },
          { file: 'src/orders/orders.service.ts', line: 4 },
        ],
        evidence: [
          'exchangeRates (exported new Map) at src/billing/exchange-rates.ts:5',
          'lastRefreshedAt (module-level let) at src/billing/exchange-rates.ts:7',
          'billing: src/billing/invoices.service.ts:4 imports ratesAgeMs, setRate',
          'orders: src/orders/orders.service.ts:4 imports convertFromEur',
        ],
        suggestion:
          "After a split each service would keep its own copy of exchangeRates and lastRefreshedAt. Keep the state in billing and let orders reach it through billing's API, or move it to a shared store (Redis, the database) with explicit invalidation, e.g. by events.",
        services: ['billing', 'orders'],
      },
    ]);
  });

  it('flags an in-process event published in one service and handled in another', async () => {
    const analysis = await analyzeFindingFixture('cross-service-event');
    expect(findingsOfKind(analysis, 'cross-service-event')).toEqual([
      {
        id: anId,
        kind: 'cross-service-event',
        severity: 'medium',
        message: 'Event order.placed is published in ordering and handled in shipping',
        locations: [
          { file: 'src/ordering/orders.service.ts', line: 18 },
          { file: 'src/shipping/listeners/order-placed.listener.ts', line: 16 },
        ],
        evidence: [
          'ordering publishes it at src/ordering/orders.service.ts:18 (eventEmitter.emit)',
          'shipping handles it at src/shipping/listeners/order-placed.listener.ts:16 (@OnEvent)',
        ],
        suggestion:
          'The in-process emitter will not reach shipping after a split: publish order.placed on a message broker (RabbitMQ, Kafka, SNS/SQS, Redis Streams) from ordering through a transactional outbox, subscribe to it in shipping, and make the handlers idempotent.',
        services: ['ordering', 'shipping'],
      },
    ]);
  });

  it('flags an exported object that a file of another service changes in place', async () => {
    const analysis = await analyzeFindingFixture('mutated-by-importer');
    expect(findingsOfKind(analysis, 'shared-mutable-state').map(({ message, locations, evidence }) => ({ message, locations, first: evidence[0] }))).toEqual([
      {
        message: 'src/billing/billing-settings.ts holds module-level mutable state (billingSettings) used by 2 services (billing and catalog)',
        locations: [
          { file: 'src/billing/billing-settings.ts', line: 2 },
          { file: 'src/catalog/regional-pricing.ts', line: 1 },
        ],
        first: 'billingSettings (exported object, changed in place by src/catalog/regional-pricing.ts:4) at src/billing/billing-settings.ts:2',
      },
    ]);
  });

  it('matches events by the value of the constants that name them and by the emitter they go through', async () => {
    const analysis = await analyzeFindingFixture('event-constants');
    expect(findingsOfKind(analysis, 'cross-service-event').map((finding) => ({ message: finding.message, locations: finding.locations }))).toEqual([
      {
        message: 'Event order.placed is published in ordering and handled in shipping',
        locations: [
          { file: 'src/ordering/orders.service.ts', line: 22 },
          { file: 'src/shipping/listeners/order-placed.listener.ts', line: 17 },
        ],
      },
    ]);
  });

  it('flags a queue that one service fills and another processes', async () => {
    const analysis = await analyzeFindingFixture('shared-queue');
    expect(findingsOfKind(analysis, 'shared-queue')).toEqual([
      {
        id: anId,
        kind: 'shared-queue',
        severity: 'medium',
        message: 'Queue invoice-generation gets jobs from orders and is processed in billing',
        locations: [
          { file: 'src/billing/invoice.worker.ts', line: 7 },
          { file: 'src/orders/orders.service.ts', line: 4 },
          { file: 'src/orders/queues.ts', line: 10 },
        ],
        evidence: [
          'orders adds jobs at src/orders/queues.ts:10 (new Queue)',
          'orders adds jobs at src/orders/orders.service.ts:4 (imports the queue from src/orders/queues.ts)',
          'billing processes them at src/billing/invoice.worker.ts:7 (new Worker)',
        ],
        suggestion:
          'Treat queue invoice-generation as an API of billing: give its job payload a versioned type in a contracts package, let billing own the queue (and its Redis), and have orders enqueue through that contract, or replace it with a message-broker topic.',
        services: ['billing', 'orders'],
      },
    ]);
  });

  it('flags a cron job as low severity: it would run once per instance', async () => {
    const analysis = await analyzeFindingFixture('scheduled-job');
    expect(findingsOfKind(analysis, 'scheduled-job')).toEqual([
      {
        id: anId,
        kind: 'scheduled-job',
        severity: 'low',
        message: 'Cron job issueMonthlyInvoices in src/billing/jobs/monthly-invoices.job.ts runs once per instance of billing',
        locations: [{ file: 'src/billing/jobs/monthly-invoices.job.ts', line: 7 }],
        evidence: ["node-cron '0 2 1 * *' at src/billing/jobs/monthly-invoices.job.ts:7"],
        suggestion:
          'Make sure issueMonthlyInvoices runs once across instances: move it to a single scheduler (a Kubernetes CronJob, a BullMQ repeatable job) or guard it with a distributed lock (Redis, a Postgres advisory lock), and make it idempotent.',
        services: ['billing'],
      },
    ]);
  });

  it('reports nothing but the one coupling each fixture was built to show', async () => {
    for (const kind of ['shared-mutable-state', 'cross-service-event', 'shared-queue', 'scheduled-job']) {
      const analysis = await analyzeFindingFixture(kind);
      expect(analysis.findings.map((finding) => finding.kind), kind).toEqual([kind]);
    }
  });
});
