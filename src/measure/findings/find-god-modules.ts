import type { Finding } from '../../types.js';
import { compareStrings } from '../../util/sort.js';
import { createFinding, pushTo, toList } from './create-finding.js';
import { type FindingInput, getServiceOf } from './finding-input.js';
import { getFileDegrees, getPercentile } from './get-file-degrees.js';

/** A file shorter than this is never a god module, whatever the project looks like. */
export const MIN_GOD_LINES = 200;

/**
 * God modules: large files coupled to many services. Large means at least the 90th percentile
 * of line counts in the project and at least 200 lines; many services means that its file
 * dependencies (either direction) and the owners of the tables it reads or writes include at
 * least half of the other services, and at least two.
 */
export function findGodModules(input: FindingInput): Finding[] {
  const serviceOf = getServiceOf(input);
  const degrees = getFileDegrees(input.graph);
  const lineThreshold = Math.max(MIN_GOD_LINES, Math.ceil(getPercentile(degrees.map((d) => d.lines), 0.9)));
  const serviceThreshold = Math.max(2, Math.ceil((input.services.length - 1) / 2));
  const ownerOf = new Map(input.tables.map((table) => [table.name, table.owner]));
  const large = new Set(degrees.filter((degree) => degree.lines >= lineThreshold).map((degree) => degree.file));
  const edgesOf = new Map<string, FindingInput['edges']>();
  for (const edge of input.edges) {
    for (const end of [edge.from, edge.to]) if (large.has(end)) pushTo(edgesOf, end, edge);
  }
  const accessesOf = new Map<string, FindingInput['facts']['accesses']>();
  for (const access of input.facts.accesses) {
    if (large.has(access.file)) pushTo(accessesOf, access.file, access);
  }
  const findings: Finding[] = [];
  for (const degree of degrees) {
    if (!large.has(degree.file)) continue;
    const own = serviceOf(degree.file);
    const reasons = new Map<string, string[]>();
    const note = (service: string | null, reason: string) => {
      if (!service || service === own) return;
      pushTo(reasons, service, reason);
    };
    for (const edge of edgesOf.get(degree.file) ?? []) {
      if (edge.from === degree.file) note(edge.toService, `uses ${edge.to}`);
      else if (edge.to === degree.file) note(edge.fromService, `used by ${edge.from}`);
    }
    for (const access of accessesOf.get(degree.file) ?? []) {
      note(ownerOf.get(access.table) ?? null, `${access.access === 'write' ? 'writes' : 'reads'} table ${access.table}`);
    }
    if (reasons.size < serviceThreshold) continue;
    const others = [...reasons.keys()].sort(compareStrings);
    findings.push(
      createFinding({
        kind: 'god-module',
        severity: 'medium',
        message: `${degree.file} is a god module: ${degree.lines} lines coupled to ${others.length} other services (${toList(others)})`,
        locations: [{ file: degree.file, line: 1 }],
        evidence: [
          `${degree.lines} lines (project threshold ${lineThreshold}), fan-in ${degree.fanIn}, fan-out ${degree.fanOut}`,
          ...others.map((service) => `${service}: ${[...new Set(reasons.get(service))].sort(compareStrings).slice(0, 5).join('; ')}`),
        ],
        suggestion:
          `Break ${degree.file} up along service lines: move the parts that serve ${toList(others)} into those services ` +
          `(or behind their APIs) and keep only what ${own ?? 'its own service'} needs.`,
        services: [own, ...others],
        key: [degree.file],
      }),
    );
  }
  return findings;
}
