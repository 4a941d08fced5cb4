import { describe, expect, it } from 'vitest';
import { getStateFacts } from './walk-source.js';

describe('timers and cron jobs', () => {
  it('records NestJS @Cron and @Interval jobs with their schedule', () => {
    const facts = getStateFacts(`
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression, Interval } from '@nestjs/schedule';

@Injectable()
export class PaymentReconciliationJob {
  @Cron(CronExpression.EVERY_10_MINUTES, { name: 'payments.reconcile-pending' })
  async reconcilePending() {}

  @Cron('0 30 3 * * *', { timeZone: 'Europe/Berlin' })
  async expireAbandoned() {}

  @Interval('refresh-rates', 60_000)
  refreshRates() {}
}
`);
    expect(facts).toEqual([
      { kind: 'cron', name: 'payments.reconcile-pending', line: 7, detail: '@Cron CronExpression.EVERY_10_MINUTES' },
      { kind: 'cron', name: 'PaymentReconciliationJob.expireAbandoned', line: 10, detail: "@Cron '0 30 3 * * *'" },
      { kind: 'timer', name: 'refresh-rates', line: 13, detail: '@Interval 60_000' },
    ]);
  });

  it('records setInterval at module level, in startup methods and in scheduling functions, not inside request handlers', () => {
    const facts = getStateFacts(`
import { Injectable, OnModuleInit } from '@nestjs/common';

setInterval(flushMetrics, 10_000);

@Injectable()
export class ExchangeRateService implements OnModuleInit {
  constructor() {
    setInterval(() => this.evictStale(), 30_000);
  }
  onModuleInit() {
    setInterval(this.refreshRates.bind(this), 5 * 60_000);
  }
  async waitForJob(id: string) {
    const handle = setInterval(() => this.poll(id), 500);
    clearInterval(handle);
  }
}

function scheduleStockSync() {
  const timer = setInterval(() => {
    runStockSync();
  }, SYNC_INTERVAL_MS);
  return () => clearInterval(timer);
}

setInterval(() => {
  gauge.set(queue.length);
  histogram.observe(process.memoryUsage().rss);
}, 15_000);
`);
    expect(facts).toEqual([
      { kind: 'timer', name: 'flushMetrics', line: 4, detail: 'setInterval at module level' },
      { kind: 'timer', name: 'evictStale', line: 9, detail: 'setInterval in ExchangeRateService.constructor' },
      { kind: 'timer', name: 'refreshRates', line: 12, detail: 'setInterval in ExchangeRateService.onModuleInit' },
      { kind: 'timer', name: 'runStockSync', line: 21, detail: 'setInterval in scheduleStockSync' },
      { kind: 'timer', name: 'setInterval in module', line: 27, detail: 'setInterval at module level' },
    ]);
  });

  it('records node-cron, node-schedule, cron and Bull repeatable jobs', () => {
    const facts = getStateFacts(`
import cron from 'node-cron';
import schedule from 'node-schedule';
import { CronJob } from 'cron';
import { Queue } from 'bullmq';

cron.schedule('*/5 * * * *', syncStock);
schedule.scheduleJob('nightly-invoices', '0 2 * * *', issueInvoices);
const purge = new CronJob('0 0 * * 0', purgeSessions);
const reports = new Queue('reports');
await reports.add('weekly-digest', {}, { repeat: { pattern: '0 8 * * 1' } });
await reports.add('one-off', { id: 1 });
`);
    expect(facts).toEqual([
      { kind: 'cron', name: 'syncStock', line: 7, detail: "node-cron '*/5 * * * *'" },
      { kind: 'cron', name: 'nightly-invoices', line: 8, detail: "node-schedule '0 2 * * *'" },
      { kind: 'cron', name: 'purgeSessions', line: 9, detail: "new CronJob '0 0 * * 0'" },
      { kind: 'queue-produce', name: 'reports', line: 10, detail: 'new Queue' },
      { kind: 'cron', name: 'weekly-digest', line: 11, detail: "repeatable job '0 8 * * 1'" },
    ]);
  });

  it("records cron's CronJob.from, Agenda's every and a global setInterval, and no other method of those names' receivers", () => {
    const facts = getStateFacts(`
import { CronJob } from 'cron';
import { Agenda } from 'agenda';

const agenda = new Agenda({ db: { address: process.env.MONGO_URL } });
CronJob.from({ cronTime: '0 */15 * * * *', onTick: refreshCache, start: true });
agenda.every('1 hour', 'send-digest');
global.setInterval(reportHeartbeat, 30_000);
agenda.define('send-digest', sendDigest);
Array.from(items);
`);
    expect(facts).toEqual([
      { kind: 'cron', name: 'refreshCache', line: 6, detail: "CronJob.from '0 */15 * * * *'" },
      { kind: 'cron', name: 'send-digest', line: 7, detail: "agenda.every '1 hour'" },
      { kind: 'timer', name: 'reportHeartbeat', line: 8, detail: 'setInterval at module level' },
    ]);
  });
});
