import type { StateFact } from '../../extract/facts.js';
import type { Finding } from '../../types.js';
import { compareStrings, uniqueSorted } from '../../util/sort.js';
import { capEvidence, createFinding, pushTo, toList } from './create-finding.js';
import { type FindingInput, getServiceOf } from './finding-input.js';

/**
 * Job queues (Bull, BullMQ) whose jobs are added in one service and processed in another.
 * Producers are the places that inject or create the queue, and the files that import a
 * module creating it (they call `add` on it); consumers are processors and workers. Such a
 * queue is an API between services in disguise: its name and job payload become a contract.
 */
export function findSharedQueues(input: FindingInput): Finding[] {
  const serviceOf = getServiceOf(input);
  const byQueue = new Map<string, StateFact[]>();
  for (const fact of input.facts.state) {
    if (fact.kind === 'queue-produce' || fact.kind === 'queue-consume') pushTo(byQueue, fact.name, fact);
  }
  const importersOf = new Map<string, FindingInput['edges']>();
  for (const edge of input.edges) if (edge.kinds.some((kind) => kind !== 'type')) pushTo(importersOf, edge.to, edge);

  const findings: Finding[] = [];
  for (const [queue, facts] of [...byQueue.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    const sorted = [...facts].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
    const consumers = sorted.filter((fact) => fact.kind === 'queue-consume' && serviceOf(fact.file) !== null);
    const consumerFiles = new Set(consumers.map((fact) => fact.file));
    const producers: { file: string; line: number; how: string }[] = [];
    for (const fact of sorted) {
      if (fact.kind !== 'queue-produce' || fact.detail === 'registerQueue') continue;
      if (serviceOf(fact.file) !== null && !consumerFiles.has(fact.file)) producers.push({ file: fact.file, line: fact.line, how: fact.detail ?? 'produces' });
      if (!fact.detail?.startsWith('new ')) continue;
      for (const edge of importersOf.get(fact.file) ?? []) {
        if (edge.fromService !== null && !consumerFiles.has(edge.from)) {
          producers.push({ file: edge.from, line: edge.line, how: `imports the queue from ${fact.file}` });
        }
      }
    }
    const producing = uniqueSorted(producers.map((producer) => serviceOf(producer.file)!));
    const consuming = uniqueSorted(consumers.map((fact) => serviceOf(fact.file)!));
    const crossing = producing.some((p) => consuming.some((c) => c !== p));
    if (!crossing) continue;
    const remoteProducers = producers.filter((producer) => consuming.some((c) => c !== serviceOf(producer.file)));
    findings.push(
      createFinding({
        kind: 'shared-queue',
        severity: 'medium',
        message: `Queue ${queue} gets jobs from ${toList(producing)} and is processed in ${toList(consuming)}`,
        locations: [...remoteProducers, ...consumers].map(({ file, line }) => ({ file, line })),
        evidence: capEvidence([
          ...remoteProducers.map((producer) => `${serviceOf(producer.file)} adds jobs at ${producer.file}:${producer.line} (${producer.how})`),
          ...consumers.map((fact) => `${serviceOf(fact.file)} processes them at ${fact.file}:${fact.line} (${fact.detail ?? 'consumer'})`),
        ]),
        suggestion:
          `Treat queue ${queue} as an API of ${toList(consuming)}: give its job payload a versioned type in a contracts package, ` +
          `let ${toList(consuming)} own the queue (and its Redis), and have ${toList(producing.filter((p) => !consuming.includes(p)))} ` +
          `enqueue through that contract, or replace it with a message-broker topic.`,
        services: [...producing, ...consuming],
        key: [queue],
      }),
    );
  }
  return findings;
}
