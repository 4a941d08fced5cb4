import type { StateFact } from '../../extract/facts.js';
import type { Finding } from '../../types.js';
import { compareStrings, uniqueSorted } from '../../util/sort.js';
import { capEvidence, createFinding, pushTo, toList } from './create-finding.js';
import { type FindingInput, getServiceOf } from './finding-input.js';

/**
 * In-process event topics (EventEmitter, NestJS event emitter, CQRS event bus) published in one
 * service and handled in another: the emitter only reaches handlers in the same process, so
 * after a split the event must travel through a broker.
 */
export function findCrossServiceEvents(input: FindingInput): Finding[] {
  const serviceOf = getServiceOf(input);
  // Events meet only on one emitter: `'created'` on orders' own `new EventEmitter()` is not
  // `'created'` on invoices' own; a shared or injected bus is one channel.
  const byTopic = new Map<string, StateFact[]>();
  for (const fact of input.facts.state) {
    if (fact.kind === 'event-publish' || fact.kind === 'event-subscribe') pushTo(byTopic, `${fact.channel ?? ''}\0${fact.name}`, fact);
  }
  const findings: Finding[] = [];
  for (const [key, facts] of [...byTopic.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    const topic = key.slice(key.indexOf('\0') + 1);
    const sorted = [...facts].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
    const publishers = sorted.filter((fact) => fact.kind === 'event-publish' && serviceOf(fact.file) !== null);
    const subscribers = sorted.filter((fact) => fact.kind === 'event-subscribe' && serviceOf(fact.file) !== null);
    const publishing = uniqueSorted(publishers.map((fact) => serviceOf(fact.file)!));
    const remote = subscribers.filter((fact) => publishing.some((service) => service !== serviceOf(fact.file)));
    if (remote.length === 0) continue;
    const handling = uniqueSorted(remote.map((fact) => serviceOf(fact.file)!));
    const elsewhere = handling.filter((service) => !publishing.includes(service));
    const describe = (fact: StateFact) =>
      `${serviceOf(fact.file)} ${fact.kind === 'event-publish' ? 'publishes' : 'handles'} it at ${fact.file}:${fact.line} (${fact.detail ?? fact.kind})`;
    findings.push(
      createFinding({
        kind: 'cross-service-event',
        severity: 'medium',
        message: `Event ${topic} is published in ${toList(publishing)} and handled in ${toList(elsewhere.length > 0 ? elsewhere : handling)}`,
        locations: [...publishers, ...remote].map(({ file, line }) => ({ file, line })),
        evidence: capEvidence([...publishers, ...remote].map(describe)),
        suggestion:
          `The in-process emitter will not reach ${toList(handling)} after a split: publish ${topic} on a message broker ` +
          `(RabbitMQ, Kafka, SNS/SQS, Redis Streams) from ${toList(publishing)} through a transactional outbox, subscribe to it in ` +
          `${toList(handling)}, and make the handlers idempotent.`,
        services: [...publishing, ...handling],
        key: [topic],
      }),
    );
  }
  return findings;
}
