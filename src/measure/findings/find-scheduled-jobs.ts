import type { StateFact } from '../../extract/facts.js';
import { REPEATABLE_JOB } from '../../extract/state/visit-timers.js';
import type { Finding } from '../../types.js';
import { compareStrings } from '../../util/sort.js';
import { createFinding, pushTo } from './create-finding.js';
import { type FindingInput, getServiceOf } from './finding-input.js';

/**
 * Timers and cron jobs run once per running instance. In a monolith with one replica that is
 * once; after a split, or with a second replica, every copy fires. Low severity: a timer that
 * refreshes a local cache is fine per instance, a job that changes shared data is not.
 */
export function findScheduledJobs(input: FindingInput): Finding[] {
  const serviceOf = getServiceOf(input);
  const byJob = new Map<string, StateFact[]>();
  for (const fact of input.facts.state) {
    // A Bull/BullMQ repeatable job is scheduled in Redis and runs once across instances, however
    // many add it: it is the remedy this finding suggests, not the hazard.
    if (fact.detail?.startsWith(REPEATABLE_JOB)) continue;
    if (fact.kind === 'timer' || fact.kind === 'cron') pushTo(byJob, `${fact.file}\0${fact.name}`, fact);
  }
  return [...byJob.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, facts]) => {
      const sorted = [...facts].sort((a, b) => a.line - b.line);
      const first = sorted[0]!;
      const service = serviceOf(first.file);
      const what = first.kind === 'cron' ? 'Cron job' : 'Timer';
      return createFinding({
        kind: 'scheduled-job',
        severity: 'low',
        message: `${what} ${first.name} in ${first.file} runs once per instance${service ? ` of ${service}` : ''}`,
        locations: sorted.map(({ file, line }) => ({ file, line })),
        evidence: sorted.map((fact) => `${fact.detail ?? fact.kind} at ${fact.file}:${fact.line}`),
        suggestion:
          first.kind === 'cron'
            ? `Make sure ${first.name} runs once across instances: move it to a single scheduler (a Kubernetes CronJob, a BullMQ ` +
              `repeatable job) or guard it with a distributed lock (Redis, a Postgres advisory lock), and make it idempotent.`
            : `If ${first.name} changes shared data, run it once across instances (a scheduler or a distributed lock); if it only ` +
              `refreshes local state, it can stay per instance.`,
        services: [service],
        key: [first.file, first.name],
      });
    });
}
