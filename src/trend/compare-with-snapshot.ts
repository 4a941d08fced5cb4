import type { Analysis, Finding, Metrics } from '../types.js';
import { compareStrings, round, uniqueSorted } from '../util/sort.js';
import type { Comparison, ComparisonTarget, GateFailure, MetricChange, ServicePair } from './comparison.js';
import { type GateThresholds, isAtLeast } from './gate-thresholds.js';
import { type FindingEntry, type Snapshot, toSnapshot } from './snapshot.js';

const METRIC_ORDER: (keyof Metrics)[] = [
  'modularity',
  'crossServiceEdges',
  'sharedTables',
  'crossServiceTransactions',
  'sm',
  'icp',
  'ifn',
  'ned',
  'mq',
];

/**
 * Compares the current analysis with what was accepted before. Findings match by id (a
 * fingerprint without line numbers); leftovers then match by kind, services and wording with
 * paths blanked, so a rename that changes a finding's id does not count as a new problem.
 */
export function compareWithSnapshot(
  before: Snapshot,
  analysis: Analysis,
  thresholds: GateThresholds,
  target: ComparisonTarget,
  notes: string[] = [],
): Comparison {
  const after = toSnapshot(analysis);
  const matched = matchFindings(before.findings, analysis.findings);
  const metrics = compareMetrics(before.metrics, after.metrics, thresholds);
  const sharedTables = {
    added: after.sharedTables.filter((table) => !before.sharedTables.includes(table)),
    removed: before.sharedTables.filter((table) => !after.sharedTables.includes(table)),
  };

  const failures: GateFailure[] = [];
  const failing = matched.added.filter((finding) => isAtLeast(finding.severity, thresholds.failOn));
  if (failing.length > 0 && thresholds.failOn !== 'none') {
    failures.push({ kind: 'new-findings', count: failing.length, failOn: thresholds.failOn });
  }
  for (const change of metrics.filter((metric) => metric.regressed)) {
    if (change.metric === 'modularity') {
      failures.push({ kind: 'modularity-drop', before: change.before, after: change.after, limit: thresholds.maxModularityDrop });
    } else {
      failures.push({ kind: 'cross-service-edge-growth', before: change.before, after: change.after, limitPercent: thresholds.maxEdgeGrowthPercent });
    }
  }
  if (thresholds.failOnNewSharedTable && sharedTables.added.length > 0) failures.push({ kind: 'new-shared-tables', tables: sharedTables.added });

  const kinds = uniqueSorted([...Object.keys(before.counts), ...Object.keys(after.counts)]);
  return {
    root: analysis.root,
    against: target,
    passed: failures.length === 0,
    failures,
    thresholds,
    metrics,
    findings: { ...matched, stale: target.kind === 'baseline' ? [...matched.fixed, ...matched.moved.map((move) => move.before)] : [] },
    counts: kinds.map((kind) => ({ kind, before: before.counts[kind] ?? 0, after: after.counts[kind] ?? 0 })),
    sharedTables,
    dependencies: {
      added: subtractPairs(after.dependencies, before.dependencies),
      removed: subtractPairs(before.dependencies, after.dependencies),
    },
    notes,
  };
}

function compareMetrics(before: Metrics, after: Metrics, thresholds: GateThresholds): MetricChange[] {
  return METRIC_ORDER.map((metric) => {
    const from = before[metric];
    const to = after[metric];
    return { metric, before: from, after: to, delta: round(to - from), regressed: isRegression(metric, from, to, thresholds) };
  });
}

function isRegression(metric: keyof Metrics, before: number, after: number, thresholds: GateThresholds): boolean {
  if (metric === 'modularity') return round(before - after) > thresholds.maxModularityDrop;
  if (metric === 'crossServiceEdges') return after > before && getGrowthPercent(before, after) > thresholds.maxEdgeGrowthPercent;
  return false;
}

/** Growth in percent; from zero any growth is infinite. */
export function getGrowthPercent(before: number, after: number): number {
  if (before === 0) return after > 0 ? Number.POSITIVE_INFINITY : 0;
  return round(((after - before) / before) * 100, 2);
}

function matchFindings(before: FindingEntry[], current: Finding[]) {
  const beforeIds = new Set(before.map((finding) => finding.id));
  const currentIds = new Set(current.map((finding) => finding.id));
  const unmatchedBefore = before.filter((finding) => !currentIds.has(finding.id));
  const unmatchedCurrent = current.filter((finding) => !beforeIds.has(finding.id));

  const waiting = new Map<string, FindingEntry[]>();
  for (const finding of [...unmatchedBefore].sort((a, b) => compareStrings(a.id, b.id))) {
    const key = getLooseKey(finding);
    waiting.set(key, [...(waiting.get(key) ?? []), finding]);
  }
  const moved: { before: FindingEntry; after: Finding }[] = [];
  const added: Finding[] = [];
  for (const finding of [...unmatchedCurrent].sort((a, b) => compareStrings(a.id, b.id))) {
    const candidates = waiting.get(getLooseKey(finding));
    const previous = candidates?.shift();
    if (previous) moved.push({ before: previous, after: finding });
    else added.push(finding);
  }
  const movedIds = new Set(moved.map((move) => move.before.id));
  return {
    added,
    fixed: unmatchedBefore.filter((finding) => !movedIds.has(finding.id)).sort((a, b) => compareStrings(a.id, b.id)),
    moved,
    unchanged: current.length - unmatchedCurrent.length,
  };
}

/** Kind, services and the message with file paths blanked: what survives a rename. */
function getLooseKey(finding: { kind: string; services: string[]; message: string }): string {
  const message = finding.message.replace(/[^\s"'`()]*\/[^\s"'`()]*|[^\s"'`()]+\.[cm]?[jt]sx?\b/g, '<path>');
  return [finding.kind, uniqueSorted(finding.services).join(','), message].join('\0');
}

function subtractPairs(pairs: ServicePair[], minus: ServicePair[]): ServicePair[] {
  const keys = new Set(minus.map((pair) => `${pair.from}\0${pair.to}`));
  return pairs.filter((pair) => !keys.has(`${pair.from}\0${pair.to}`));
}
