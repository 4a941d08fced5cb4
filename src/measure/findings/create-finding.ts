import { createHash } from 'node:crypto';
import type { Finding, Location, Severity } from '../../types.js';
import { compareStrings, uniqueSorted } from '../../util/sort.js';

export interface FindingDraft {
  kind: string;
  severity: Severity;
  message: string;
  locations: Location[];
  evidence: string[];
  suggestion: string;
  services: (string | null)[];
  /**
   * What identifies the finding across runs: files, tables, services, topics, never line numbers,
   * so the id survives edits above the code and a baseline can recognise the same problem.
   */
  key: string[];
}

/** A finding with a stable id (first 16 hex digits of sha1 over kind and sorted key) and sorted locations. */
export function createFinding(draft: FindingDraft): Finding {
  const id = createHash('sha1')
    .update([draft.kind, ...uniqueSorted(draft.key)].join('\0'))
    .digest('hex')
    .slice(0, 16);
  return {
    id,
    kind: draft.kind,
    severity: draft.severity,
    message: draft.message,
    locations: sortLocations(draft.locations),
    evidence: draft.evidence,
    suggestion: draft.suggestion,
    services: uniqueSorted(draft.services.filter((service): service is string => service !== null)),
  };
}

export function sortLocations(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return [...locations]
    .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line)
    .filter((location) => {
      const key = `${location.file}:${location.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function toPlace(location: Location): string {
  return `${location.file}:${location.line}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function toList(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Evidence stays readable: at most `max` lines, then how many more there are. */
export function capEvidence(lines: string[], max = 20): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
