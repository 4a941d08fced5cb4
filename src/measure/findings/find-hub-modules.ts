import type { Finding } from '../../types.js';
import { compareStrings } from '../../util/sort.js';
import { createFinding, pluralize, toList } from './create-finding.js';
import { type FindingInput, getServiceOf } from './finding-input.js';
import { getFileDegrees, getPercentile } from './get-file-degrees.js';

/** Below this many files on either side a module is no hub, whatever the project looks like. */
export const MIN_HUB_DEGREE = 5;

/**
 * Hub modules: high fan-in AND high fan-out at once, so that changes flow through them from
 * everywhere to everywhere. "High" is relative to the project: at least the 90th percentile of
 * fan-in (and of fan-out) over its files, and never less than 5. A hub used by several services
 * ties them together; one that only its own service uses is a refactoring hint.
 */
export function findHubModules(input: FindingInput): Finding[] {
  const serviceOf = getServiceOf(input);
  const degrees = getFileDegrees(input.graph);
  const fanInThreshold = Math.max(MIN_HUB_DEGREE, Math.ceil(getPercentile(degrees.map((d) => d.fanIn), 0.9)));
  const fanOutThreshold = Math.max(MIN_HUB_DEGREE, Math.ceil(getPercentile(degrees.map((d) => d.fanOut), 0.9)));
  const serviceIds = new Set(input.services.map((service) => service.id));
  const findings: Finding[] = [];
  for (const degree of degrees) {
    if (degree.fanIn < fanInThreshold || degree.fanOut < fanOutThreshold) continue;
    const importers = countByService(input.graph.inNeighbors(degree.file), serviceOf, input);
    const imports = countByService(input.graph.outNeighbors(degree.file), serviceOf, input);
    const services = [...new Set([...importers.keys(), ...imports.keys()])].filter((key) => serviceIds.has(key)).sort(compareStrings);
    const own = serviceOf(degree.file);
    findings.push(
      createFinding({
        kind: 'hub-module',
        severity: services.filter((service) => service !== own).length > 0 ? 'medium' : 'low',
        message: `${degree.file} is a hub: ${pluralize(degree.fanIn, 'file')} depend on it and it depends on ${pluralize(degree.fanOut, 'file')}`,
        locations: [{ file: degree.file, line: 1 }],
        evidence: [
          `fan-in ${degree.fanIn} (project threshold ${fanInThreshold}), fan-out ${degree.fanOut} (threshold ${fanOutThreshold})`,
          `used by: ${describeCounts(importers)}`,
          `uses: ${describeCounts(imports)}`,
        ],
        suggestion:
          `Split ${degree.file} by its users so that each part has one reason to change` +
          (services.length > 1 ? ` (its dependents and dependencies span ${toList(services)})` : '') +
          `, or put an interface in front of it so that its dependents stop depending on what it depends on.`,
        services: own ? [own, ...services] : services,
        key: [degree.file],
      }),
    );
  }
  return findings;
}

function countByService(
  neighbours: string[],
  serviceOf: (file: string) => string | null,
  input: FindingInput,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const neighbour of neighbours) {
    if (input.graph.getNodeAttribute(neighbour, 'type') !== 'file') continue;
    const service = serviceOf(neighbour) ?? (input.decomposition.assignments.get(neighbour)?.role === 'shared' ? 'shared kernel' : 'unassigned');
    counts.set(service, (counts.get(service) ?? 0) + 1);
  }
  return counts;
}

function describeCounts(counts: Map<string, number>): string {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
    .map(([service, count]) => `${service} (${count})`)
    .join(', ');
}
