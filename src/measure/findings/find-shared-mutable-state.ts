import type { StateFact } from '../../extract/facts.js';
import type { Finding } from '../../types.js';
import { compareStrings, uniqueSorted } from '../../util/sort.js';
import { capEvidence, createFinding, pluralize, pushTo, toList } from './create-finding.js';
import { type FindingInput, getServiceOf } from './finding-input.js';

/**
 * Module-level mutable state (a `let` the module reassigns, a Map/Set/cache, an object changed
 * in place) in a file that code of two or more services runs: today they share one copy in one
 * process; after a split each service has its own and no longer sees the others' changes.
 * Users are the file's own service and the services of the files that import it at run time
 * (type-only imports do not load the module).
 */
export function findSharedMutableState(input: FindingInput): Finding[] {
  const serviceOf = getServiceOf(input);
  const stateByFile = new Map<string, StateFact[]>();
  for (const fact of input.facts.state) if (fact.kind === 'mutable-export') pushTo(stateByFile, fact.file, fact);
  const importersOf = new Map<string, FindingInput['edges']>();
  for (const edge of input.edges) {
    if (stateByFile.has(edge.to) && edge.kinds.some((kind) => kind !== 'type')) pushTo(importersOf, edge.to, edge);
  }
  const findings: Finding[] = [];
  for (const [file, facts] of [...stateByFile.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    const own = serviceOf(file);
    const importers = importersOf.get(file) ?? [];
    const services = uniqueSorted([own, ...importers.map((edge) => edge.fromService)].filter((s): s is string => s !== null));
    if (services.length < 2) continue;
    const sorted = [...facts].sort((a, b) => a.line - b.line || compareStrings(a.name, b.name));
    const names = sorted.map((fact) => fact.name);
    const foreign = importers.filter((edge) => edge.fromService !== null && edge.fromService !== own);
    const counts = new Map<string, number>();
    for (const edge of importers) if (edge.fromService) counts.set(edge.fromService, (counts.get(edge.fromService) ?? 0) + 1);
    const keeper = own ?? [...counts.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]![0];
    findings.push(
      createFinding({
        kind: 'shared-mutable-state',
        severity: 'medium',
        message: `${file} holds module-level mutable state (${toList(names)}) used by ${pluralize(services.length, 'service')} (${toList(services)})`,
        locations: [
          ...sorted.map((fact) => ({ file, line: fact.line })),
          ...foreign.map((edge) => ({ file: edge.from, line: edge.line })),
        ],
        evidence: capEvidence([
          ...sorted.map((fact) => `${fact.name} (${fact.detail ?? 'mutable'}) at ${file}:${fact.line}`),
          ...importers
            .filter((edge) => edge.fromService !== null)
            .sort((a, b) => compareStrings(a.from, b.from))
            .map((edge) => `${edge.fromService}: ${edge.from}:${edge.line} imports ${edge.names.length > 0 ? edge.names.join(', ') : 'the module'}`),
        ]),
        suggestion:
          `After a split each service would keep its own copy of ${toList(names)}. Keep the state in ${keeper} and let ` +
          `${toList(services.filter((service) => service !== keeper))} reach it through ${keeper}'s API, or move it to a shared store ` +
          `(Redis, the database) with explicit invalidation, e.g. by events.`,
        services,
        key: [file],
      }),
    );
  }
  return findings;
}
