import type { Finding } from '../../types.js';
import { compareStrings, uniqueSorted } from '../../util/sort.js';
import type { ServiceEdge } from '../service-view.js';
import { createFinding, pluralize, pushTo, toList } from './create-finding.js';
import type { FindingInput } from './finding-input.js';

/**
 * Pairs of services tied only by type imports, in both directions: nothing calls across, the
 * types are the whole contract. They vanish at run time, so the cheap fix is to move them to a
 * shared contracts package (or generate them from the API schema) that both depend on.
 */
export function findTypeOnlyCoupling(input: FindingInput): Finding[] {
  const byPair = new Map<string, ServiceEdge[]>();
  for (const edge of input.edges) {
    if (!edge.fromService || !edge.toService || edge.fromService === edge.toService) continue;
    pushTo(byPair, [edge.fromService, edge.toService].sort(compareStrings).join('\0'), edge);
  }
  const findings: Finding[] = [];
  for (const [pair, edges] of [...byPair.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    if (!edges.every((edge) => edge.kinds.every((kind) => kind === 'type'))) continue;
    const services = pair.split('\0');
    const directions = uniqueSorted(edges.map((edge) => `${edge.fromService} → ${edge.toService}`));
    const types = uniqueSorted(edges.flatMap((edge) => edge.names)).filter((name) => name !== 'default');
    const sorted = [...edges].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
    findings.push(
      createFinding({
        kind: 'type-only-coupling',
        severity: 'low',
        message: `${toList(directions)}: only type imports (${pluralize(edges.length, 'file edge')})`,
        locations: sorted.map((edge) => ({ file: edge.from, line: edge.line })),
        evidence: sorted.map((edge) => `${edge.from}:${edge.line} → ${edge.to}${edge.names.length > 0 ? ` (${edge.names.join(', ')})` : ''}`),
        suggestion:
          `Move ${types.length > 0 ? toList(types.slice(0, 6)) + (types.length > 6 ? ' and the other shared types' : '') : 'the shared types'} ` +
          `into a contracts package that ${toList(services)} both depend on, or generate the types from the API schema.`,
        services,
        key: services,
      }),
    );
  }
  return findings;
}
