import { describe, expect, it } from 'vitest';
import { findScheduledJobs } from '../../../src/measure/findings/find-scheduled-jobs.js';
import type { FindingInput } from '../../../src/measure/findings/finding-input.js';

describe('scheduled jobs', () => {
  it('leaves out Bull repeatable jobs, which Redis runs once across instances', () => {
    const input = {
      facts: {
        state: [
          { file: 'src/billing/dunning.ts', kind: 'cron', name: 'nightly-dunning', line: 4, detail: 'repeatable job 0 3 * * *' },
          { file: 'src/billing/cron.ts', kind: 'cron', name: 'issueInvoices', line: 9, detail: 'node-cron 0 0 1 * *' },
        ],
      },
      decomposition: { assignments: new Map([['src/billing/cron.ts', { service: 'billing' }], ['src/billing/dunning.ts', { service: 'billing' }]]) },
    } as unknown as FindingInput;
    expect(findScheduledJobs(input).map((finding) => finding.message)).toEqual(['Cron job issueInvoices in src/billing/cron.ts runs once per instance of billing']);
  });
});
