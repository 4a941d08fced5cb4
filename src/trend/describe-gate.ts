import type { Metrics } from '../types.js';
import { getGrowthPercent } from './compare-with-snapshot.js';
import type { ComparisonTarget, GateFailure } from './comparison.js';

const METRIC_LABELS: Record<keyof Metrics, string> = {
  modularity: 'modularity',
  crossServiceEdges: 'cross-service edges',
  sharedTables: 'shared tables',
  crossServiceTransactions: 'cross-service transactions',
  sm: 'structural modularity (SM)',
  icp: 'inter-call percentage (ICP)',
  ifn: 'interface number (IFN)',
  ned: 'non-extreme distribution (NED)',
  mq: 'TurboMQ',
};

export function getMetricLabel(metric: keyof Metrics): string {
  return METRIC_LABELS[metric];
}

export function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}

export function formatDelta(value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '-'}${formatValue(Math.abs(value))}`;
}

export function formatGrowth(before: number, after: number): string {
  const growth = getGrowthPercent(before, after);
  if (growth === Number.POSITIVE_INFINITY) return 'new';
  return `${growth > 0 ? '+' : ''}${growth}%`;
}

/** One line on why the gate failed. `toSafe` makes names from the analysed code safe for the output format. */
export function describeFailure(failure: GateFailure, toSafe: (text: string) => string): string {
  switch (failure.kind) {
    case 'new-findings': {
      const noun = failure.count === 1 ? 'new finding' : 'new findings';
      return failure.failOn === 'info' ? `${failure.count} ${noun}` : `${failure.count} ${noun} of severity ${failure.failOn} or higher`;
    }
    case 'modularity-drop':
      return (
        `modularity fell from ${formatValue(failure.before)} to ${formatValue(failure.after)} ` +
        `(${formatDelta(failure.after - failure.before)}; limit -${failure.limit})`
      );
    case 'cross-service-edge-growth':
      return (
        `cross-service edges grew from ${failure.before} to ${failure.after} ` +
        `(${formatGrowth(failure.before, failure.after)}; limit +${failure.limitPercent}%)`
      );
    case 'new-shared-tables':
      return `${failure.tables.length === 1 ? 'new shared table' : 'new shared tables'}: ${failure.tables.map(toSafe).join(', ')}`;
  }
}

export function describeTarget(target: ComparisonTarget, toSafe: (text: string) => string): string {
  return target.kind === 'baseline' ? toSafe(target.file) : `${toSafe(target.revision)} (${target.sha.slice(0, 12)})`;
}
