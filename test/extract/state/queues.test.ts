import { describe, expect, it } from 'vitest';
import { getStateFacts } from './walk-source.js';

describe('job queues', () => {
  it('records NestJS Bull producers, processors and queue registrations by queue name', () => {
    const facts = getStateFacts(`
import { BullModule, InjectQueue, Process, Processor } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { Job, Queue } from 'bull';

export const EMAIL_QUEUE = 'email';

@Module({ imports: [BullModule.registerQueue({ name: 'email' }, { name: 'invoices' })] })
export class NotificationsModule {}

export class NotificationService {
  constructor(@InjectQueue(EMAIL_QUEUE) private readonly emailQueue: Queue) {}
}

@Processor({ name: 'invoices' })
export class InvoicePdfProcessor {
  @Process('render')
  render(job: Job) {}
}
`);
    expect(facts).toEqual([
      { kind: 'queue-produce', name: 'email', line: 8, detail: 'registerQueue' },
      { kind: 'queue-produce', name: 'invoices', line: 8, detail: 'registerQueue' },
      { kind: 'queue-produce', name: 'email', line: 12, detail: '@InjectQueue' },
      { kind: 'queue-consume', name: 'invoices', line: 15, detail: '@Processor' },
    ]);
  });

  it('records BullMQ queues and workers, and Bull queues processed in the same file', () => {
    const facts = getStateFacts(`
import Bull from 'bull';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Worker as ThreadWorker } from 'node:worker_threads';

const connection = { host: process.env.REDIS_HOST, port: 6379 };
export const receiptsQueue = new Queue('receipts', { connection });
const receiptEvents = new QueueEvents('receipts', { connection });
export const receiptWorker = new Worker('receipts', async (job) => sendReceipt(job.data), { connection });
const thumbnails = new ThreadWorker('./thumbnail-worker.js');

const legacyExports = new Bull('csv-exports', process.env.REDIS_URL);
legacyExports.process(4, async (job) => buildCsv(job.data));
`);
    expect(facts).toEqual([
      { kind: 'queue-produce', name: 'receipts', line: 7, detail: 'new Queue' },
      { kind: 'queue-consume', name: 'receipts', line: 9, detail: 'new Worker' },
      { kind: 'queue-produce', name: 'csv-exports', line: 12, detail: 'new Bull' },
      { kind: 'queue-consume', name: 'csv-exports', line: 13, detail: 'legacyExports.process' },
    ]);
  });
});
