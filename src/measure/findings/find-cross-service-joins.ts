import type { Finding } from '../../types.js';
import { uniqueSorted } from '../../util/sort.js';
import { capEvidence, createFinding, toList, toPlace } from './create-finding.js';
import type { FindingInput } from './finding-input.js';
import { getOwners, groupAccesses } from './group-accesses.js';

/**
 * Queries (a SQL join, a query builder join, an ORM relation or include) that read tables of
 * different owners: after a split the database cannot join them. One finding per file and set
 * of tables, however many such queries the file has.
 */
export function findCrossServiceJoins(input: FindingInput): Finding[] {
  const ownerOf = new Map(input.tables.map((table) => [table.name, table.owner]));
  const byKey = new Map<string, Finding>();
  for (const query of groupAccesses(input.facts.accesses, 'queryId')) {
    const owners = getOwners(query, ownerOf);
    const services = uniqueSorted(owners.values());
    if (services.length < 2) continue;
    const tables = uniqueSorted(query.map((access) => access.table));
    const file = query[0]!.file;
    const key = [file, ...tables].join('\0');
    const evidence = query.map(
      (access) => `${access.table} (owner ${owners.get(access.table) ?? 'none'}) ${access.access === 'write' ? 'written' : 'read'} at ${toPlace(access)}`,
    );
    const existing = byKey.get(key);
    if (existing) {
      existing.locations.push({ file, line: query[0]!.line });
      existing.evidence.push(...evidence);
      continue;
    }
    const mine = input.decomposition.assignments.get(file)?.service ?? null;
    const foreign = tables.filter((table) => owners.get(table) && owners.get(table) !== mine);
    byKey.set(
      key,
      createFinding({
        kind: 'cross-service-join',
        severity: 'medium',
        message: `A query in ${file} joins tables of ${services.length} services: ${toList(tables.map((table) => `${table} (${owners.get(table) ?? 'no owner'})`))}`,
        locations: [{ file, line: query[0]!.line }],
        evidence,
        suggestion:
          `Split the query: read ${toList(foreign.length > 0 ? foreign : tables)} through the owning service's API and join in code, ` +
          `or keep a read model of the data this query needs, fed by the owners' events.`,
        services: [...services, mine],
        key: [file, ...tables],
      }),
    );
  }
  return [...byKey.values()].map((finding) => ({ ...finding, evidence: capEvidence(finding.evidence) }));
}
