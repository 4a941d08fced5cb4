import type { Finding, Metrics, Severity } from '../types.js';
import type { FindingEntry } from './snapshot.js';
import type { GateThresholds } from './gate-thresholds.js';

/** What the current analysis was compared with. */
export type ComparisonTarget =
  | { kind: 'baseline'; file: string; toolVersion: string }
  | { kind: 'revision'; revision: string; sha: string };

export interface MetricChange {
  metric: keyof Metrics;
  before: number;
  after: number;
  delta: number;
  /** True when this change alone fails the gate. */
  regressed: boolean;
}

export type GateFailure =
  | { kind: 'new-findings'; count: number; failOn: Severity }
  | { kind: 'modularity-drop'; before: number; after: number; limit: number }
  | { kind: 'cross-service-edge-growth'; before: number; after: number; limitPercent: number }
  | { kind: 'new-shared-tables'; tables: string[] };

export interface KindCount {
  kind: string;
  before: number;
  after: number;
}

export interface ServicePair {
  from: string;
  to: string;
  edges: number;
}

/** The gate's verdict and everything a reviewer needs to see why. */
export interface Comparison {
  root: string;
  against: ComparisonTarget;
  passed: boolean;
  failures: GateFailure[];
  thresholds: GateThresholds;
  metrics: MetricChange[];
  findings: {
    /** Current findings that match nothing before (by id, then by kind, services and wording). */
    added: Finding[];
    /** Findings from before that no longer reproduce. */
    fixed: FindingEntry[];
    /** Findings whose id changed because files moved, matched by kind, services and wording. */
    moved: { before: FindingEntry; after: Finding }[];
    unchanged: number;
    /** Baseline entries that no longer reproduce under their id (`seams baseline --prune` drops them). */
    stale: FindingEntry[];
  };
  counts: KindCount[];
  sharedTables: { added: string[]; removed: string[] };
  dependencies: { added: ServicePair[]; removed: ServicePair[] };
  /** Why the figures may not be comparable (different config or seams version). */
  notes: string[];
}
