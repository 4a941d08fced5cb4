/** trend: baselines and the CI gate, the history store and its backfill from git. */
export { analyzeRevision } from './analyze-revision.js';
export { type BackfillRequest, type BackfillResult, backfillHistory } from './backfill-history.js';
export { BASELINE_FILE, type Baseline, type BaselineUpdate, createBaseline, getBaselinePath, readBaseline, renderBaseline } from './baseline.js';
export { compareWithSnapshot } from './compare-with-snapshot.js';
export type { Comparison, ComparisonTarget, GateFailure, KindCount, MetricChange } from './comparison.js';
export { computeConfigHash } from './compute-config-hash.js';
export { DEFAULT_GATE_THRESHOLDS, type GateThresholds, resolveGateThresholds } from './gate-thresholds.js';
export { createHistoryRecord, type HistoryRecord } from './history-record.js';
export { getHistoryPath, HISTORY_FILE, readHistory, saveHistoryRecord } from './history-store.js';
export { recordHead } from './record-head.js';
export { type FindingEntry, type Snapshot, toSnapshot } from './snapshot.js';
export { removeActiveWorktreesSync } from './worktree.js';
