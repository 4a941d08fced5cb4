import type { Analysis, Finding, Metrics, Severity } from '../types.js';
import { compareStrings, uniqueSorted } from '../util/sort.js';

/** A finding as the baseline keeps it: identity and wording, no line numbers (they churn). */
export interface FindingEntry {
  id: string;
  kind: string;
  severity: Severity;
  message: string;
  services: string[];
}

/** The parts of an Analysis the gate compares: what a baseline stores. */
export interface Snapshot {
  metrics: Metrics;
  findings: FindingEntry[];
  /** Findings per kind. */
  counts: Record<string, number>;
  /** Names of tables used by more than one service. */
  sharedTables: string[];
  /** Service-to-service dependencies (file edges that cross). */
  dependencies: { from: string; to: string; edges: number }[];
  summary: { files: number; services: number };
}

export function toFindingEntry(finding: Finding): FindingEntry {
  return {
    id: finding.id,
    kind: finding.kind,
    severity: finding.severity,
    message: finding.message,
    services: uniqueSorted(finding.services),
  };
}

export function countByKind(findings: { kind: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of uniqueSorted(findings.map((finding) => finding.kind))) {
    counts[kind] = findings.filter((finding) => finding.kind === kind).length;
  }
  return counts;
}

export function toSnapshot(analysis: Analysis): Snapshot {
  return {
    metrics: { ...analysis.metrics },
    findings: analysis.findings.map(toFindingEntry).sort((a, b) => compareStrings(a.id, b.id)),
    counts: countByKind(analysis.findings),
    sharedTables: uniqueSorted(analysis.tables.filter((table) => table.shared).map((table) => table.name)),
    dependencies: analysis.dependencies
      .map(({ from, to, edges }) => ({ from, to, edges }))
      .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to)),
    summary: { files: analysis.summary.files, services: analysis.summary.services },
  };
}
