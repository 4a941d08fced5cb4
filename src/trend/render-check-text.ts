import { toTerminalText } from '../report/escape.js';
import type { Comparison } from './comparison.js';
import { describeFailure, describeTarget, formatDelta, formatGrowth, formatValue, getMetricLabel } from './describe-gate.js';

const LIST_LIMIT = 20;

/** `seams check` in a terminal or a CI log: the verdict first, then what changed. */
export function renderCheckText(comparison: Comparison, options: { color: boolean }): string {
  const t = toTerminalText;
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const bold = (text: string) => paint(1, text);
  const lines: string[] = [];
  const verdict = comparison.passed ? paint(32, 'passed') : paint(31, 'FAILED');
  lines.push(bold(`seams check: ${verdict}`) + ` — ${t(comparison.root)} against ${describeTarget(comparison.against, t)}`);
  for (const failure of comparison.failures) lines.push(`  ✗ ${describeFailure(failure, t)}`);
  for (const note of comparison.notes) lines.push(`  note: ${t(note)}`);

  lines.push('');
  lines.push(bold('Metrics') + '  before → after');
  const width = Math.max(...comparison.metrics.map((change) => getMetricLabel(change.metric).length));
  for (const change of comparison.metrics) {
    const growth = change.metric === 'crossServiceEdges' && change.delta !== 0 ? ` (${formatGrowth(change.before, change.after)})` : '';
    const mark = change.regressed ? paint(31, '  ✗ over the limit') : '';
    lines.push(
      `  ${getMetricLabel(change.metric).padEnd(width)}  ${formatValue(change.before)} → ${formatValue(change.after)}` +
        `  ${formatDelta(change.delta)}${growth}${mark}`,
    );
  }

  const { added, fixed, moved, unchanged, stale } = comparison.findings;
  lines.push('');
  lines.push(bold('Findings') + `  ${added.length} new, ${fixed.length} fixed, ${moved.length} moved, ${unchanged} unchanged`);
  if (added.length > 0) {
    lines.push('  New:');
    for (const finding of added.slice(0, LIST_LIMIT)) {
      const where = finding.locations[0] ? `  ${t(finding.locations[0].file)}:${finding.locations[0].line}` : '';
      lines.push(`    + [${finding.severity}] ${t(finding.kind)}: ${t(finding.message)}${where}`);
    }
    if (added.length > LIST_LIMIT) lines.push(`    … ${added.length - LIST_LIMIT} more in reports/seams-check.md`);
  }
  if (fixed.length > 0) {
    lines.push('  Fixed:');
    for (const finding of fixed.slice(0, LIST_LIMIT)) lines.push(`    - [${finding.severity}] ${t(finding.kind)}: ${t(finding.message)}`);
    if (fixed.length > LIST_LIMIT) lines.push(`    … ${fixed.length - LIST_LIMIT} more`);
  }
  if (moved.length > 0) {
    lines.push('  Moved (same problem, files renamed):');
    for (const move of moved.slice(0, LIST_LIMIT)) lines.push(`    ~ ${t(move.after.kind)}: ${t(move.after.message)}`);
  }
  if (stale.length > 0) {
    const one = stale.length === 1;
    lines.push(`  ${stale.length} baseline ${one ? 'entry no longer reproduces' : 'entries no longer reproduce'} (stale): run \`seams baseline --prune\` to drop ${one ? 'it' : 'them'}`);
  }

  const changedCounts = comparison.counts.filter((count) => count.before !== count.after);
  if (changedCounts.length > 0) {
    lines.push('');
    lines.push(bold('Findings by kind'));
    for (const count of changedCounts) lines.push(`  ${t(count.kind)}  ${count.before} → ${count.after}  ${formatDelta(count.after - count.before)}`);
  }
  const { sharedTables, dependencies } = comparison;
  if (sharedTables.added.length + sharedTables.removed.length > 0) {
    lines.push('');
    lines.push(bold('Shared tables'));
    for (const table of sharedTables.added) lines.push(`  + ${t(table)}`);
    for (const table of sharedTables.removed) lines.push(`  - ${t(table)}`);
  }
  if (dependencies.added.length + dependencies.removed.length > 0) {
    lines.push('');
    lines.push(bold('Service dependencies'));
    for (const pair of dependencies.added) lines.push(`  + ${t(pair.from)} → ${t(pair.to)} (${pair.edges} ${pair.edges === 1 ? 'edge' : 'edges'})`);
    for (const pair of dependencies.removed) lines.push(`  - ${t(pair.from)} → ${t(pair.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
