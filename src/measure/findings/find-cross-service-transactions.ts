import type { Finding } from '../../types.js';
import { uniqueSorted } from '../../util/sort.js';
import { capEvidence, createFinding, toList, toPlace } from './create-finding.js';
import type { FindingInput } from './finding-input.js';
import { getOwners, groupAccesses } from './group-accesses.js';

/**
 * Transactions that touch tables of more than one owner: after a split no database
 * transaction spans them, so the work needs a saga (with compensations) or an outbox.
 */
export function findCrossServiceTransactions(input: FindingInput): Finding[] {
  const ownerOf = new Map(input.tables.map((table) => [table.name, table.owner]));
  const byKey = new Map<string, Finding>();
  for (const transaction of groupAccesses(input.facts.accesses, 'transactionId')) {
    const owners = getOwners(transaction, ownerOf);
    const services = uniqueSorted(owners.values());
    if (services.length < 2) continue;
    const tables = uniqueSorted(transaction.map((access) => access.table));
    const file = transaction[0]!.file;
    const key = [file, ...tables].join('\0');
    const evidence = transaction.map(
      (access) => `${access.access === 'write' ? 'writes' : 'reads'} ${access.table} (owner ${owners.get(access.table) ?? 'none'}) at ${toPlace(access)}`,
    );
    const existing = byKey.get(key);
    if (existing) {
      existing.locations.push({ file, line: transaction[0]!.line });
      existing.evidence.push(...evidence);
      continue;
    }
    const writes = uniqueSorted(transaction.filter((access) => access.access === 'write').map((access) => access.table));
    byKey.set(
      key,
      createFinding({
        kind: 'cross-service-transaction',
        severity: 'high',
        message: `A transaction in ${file} spans tables of ${services.length} services (${toList(services)}): ${toList(tables)}`,
        locations: [{ file, line: transaction[0]!.line }],
        evidence,
        suggestion:
          `Replace the transaction with a saga: each of ${toList(services)} commits its own part` +
          (writes.length > 0 ? ` (${toList(writes)})` : '') +
          ` and publishes an event through a transactional outbox; failed steps run compensating actions.`,
        services,
        key: [file, ...tables],
      }),
    );
  }
  return [...byKey.values()].map((finding) => ({ ...finding, evidence: capEvidence(finding.evidence) }));
}
