import type { Analysis, Metrics, Severity } from '../types.js';
import { compareStrings } from '../util/sort.js';
import { countByKind } from './snapshot.js';

export const HISTORY_SCHEMA_VERSION = 1;

/** One commit's figures in the history store: one JSON line, keyed by sha and config hash. */
export interface HistoryRecord {
  schemaVersion: number;
  sha: string;
  /** Committer date, strict ISO 8601. */
  date: string;
  toolVersion: string;
  configHash: string;
  metrics: Metrics;
  /** Findings per kind. */
  findings: Record<string, number>;
  severities: Record<Severity, number>;
  summary: { files: number; services: number; sharedKernel: number; unassigned: number; edges: number; tables: number };
  services: { id: string; size: number; tables: number }[];
}

export interface CommitInfo {
  sha: string;
  date: string;
}

export function createHistoryRecord(analysis: Analysis, commit: CommitInfo, configHash: string): HistoryRecord {
  const { summary } = analysis;
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    sha: commit.sha,
    date: commit.date,
    toolVersion: analysis.tool.version,
    configHash,
    metrics: { ...analysis.metrics },
    findings: countByKind(analysis.findings),
    severities: { ...summary.findings },
    summary: {
      files: summary.files,
      services: summary.services,
      sharedKernel: summary.sharedKernel,
      unassigned: summary.unassigned,
      edges: summary.edges,
      tables: summary.tables,
    },
    services: analysis.services
      .map((service) => ({ id: service.id, size: service.size, tables: service.tables.length }))
      .sort((a, b) => compareStrings(a.id, b.id)),
  };
}

export function getRecordKey(record: { sha: string; configHash: string }): string {
  return `${record.sha}\0${record.configHash}`;
}
