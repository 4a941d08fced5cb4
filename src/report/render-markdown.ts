import type { Comparison } from '../trend/comparison.js';
import { describeFailure, describeTarget, formatDelta, formatGrowth, formatValue, getMetricLabel } from '../trend/describe-gate.js';
import { escapeMarkdown } from './escape.js';

const ROW_LIMIT = 50;

/**
 * The `seams check` summary as GitHub-flavoured Markdown, for a pull-request comment or the
 * job summary ($GITHUB_STEP_SUMMARY). Every string from the analysed code goes through
 * escapeMarkdown, so a table or file name cannot inject markup, links or HTML.
 */
export function renderMarkdown(comparison: Comparison): string {
  const e = escapeMarkdown;
  const out: string[] = [];
  out.push(`## seams check: ${comparison.passed ? '✅ passed' : '❌ failed'}`);
  out.push('');
  out.push(`Compared ${e(comparison.root)} with ${describeTarget(comparison.against, e)}.`);
  if (comparison.failures.length > 0) {
    out.push('');
    out.push('**Why it failed**');
    out.push('');
    for (const failure of comparison.failures) out.push(`- ${describeFailure(failure, e)}`);
  }
  if (comparison.notes.length > 0) {
    out.push('');
    for (const note of comparison.notes) out.push(`> ${e(note)}`);
  }

  out.push('');
  out.push('| Metric | Before | After | Change |');
  out.push('| --- | ---: | ---: | ---: |');
  for (const change of comparison.metrics) {
    const growth = change.metric === 'crossServiceEdges' && change.delta !== 0 ? ` (${formatGrowth(change.before, change.after)})` : '';
    out.push(
      `| ${getMetricLabel(change.metric)} | ${formatValue(change.before)} | ${formatValue(change.after)} | ` +
        `${formatDelta(change.delta)}${growth}${change.regressed ? ' ❌' : ''} |`,
    );
  }

  const { added, fixed, moved, unchanged, stale } = comparison.findings;
  out.push('');
  out.push(`**Findings:** ${added.length} new, ${fixed.length} fixed, ${moved.length} moved, ${unchanged} unchanged.`);
  if (added.length > 0) {
    out.push('');
    out.push(`### New findings (${added.length})`);
    out.push('');
    out.push('| Severity | Kind | Finding | Where |');
    out.push('| --- | --- | --- | --- |');
    for (const finding of added.slice(0, ROW_LIMIT)) {
      const where = finding.locations[0] ? `${e(finding.locations[0].file)}:${finding.locations[0].line}` : '';
      out.push(`| ${finding.severity} | ${e(finding.kind)} | ${e(finding.message)} | ${where} |`);
    }
    if (added.length > ROW_LIMIT) out.push(`\n… ${added.length - ROW_LIMIT} more in the SARIF report.`);
  }
  if (fixed.length > 0) {
    out.push('');
    out.push(`### Fixed findings (${fixed.length})`);
    out.push('');
    for (const finding of fixed.slice(0, ROW_LIMIT)) out.push(`- ${finding.severity} ${e(finding.kind)}: ${e(finding.message)}`);
    if (fixed.length > ROW_LIMIT) out.push(`- … ${fixed.length - ROW_LIMIT} more`);
  }
  if (moved.length > 0) {
    out.push('');
    out.push(`<details><summary>Moved findings (${moved.length}): same problem, files renamed</summary>`);
    out.push('');
    for (const move of moved.slice(0, ROW_LIMIT)) out.push(`- ${e(move.after.kind)}: ${e(move.after.message)}`);
    out.push('');
    out.push('</details>');
  }
  if (stale.length > 0) {
    out.push('');
    const one = stale.length === 1;
    out.push(`${stale.length} baseline ${one ? 'entry no longer reproduces' : 'entries no longer reproduce'} (stale); \`seams baseline --prune\` drops ${one ? 'it' : 'them'}.`);
  }

  const changedCounts = comparison.counts.filter((count) => count.before !== count.after);
  if (changedCounts.length > 0) {
    out.push('');
    out.push('| Finding kind | Before | After | Change |');
    out.push('| --- | ---: | ---: | ---: |');
    for (const count of changedCounts) out.push(`| ${e(count.kind)} | ${count.before} | ${count.after} | ${formatDelta(count.after - count.before)} |`);
  }
  const { sharedTables, dependencies } = comparison;
  if (sharedTables.added.length + sharedTables.removed.length + dependencies.added.length + dependencies.removed.length > 0) {
    out.push('');
    out.push('**Coupling changes**');
    out.push('');
    for (const table of sharedTables.added) out.push(`- table ${e(table)} is now shared between services`);
    for (const table of sharedTables.removed) out.push(`- table ${e(table)} is no longer shared`);
    for (const pair of dependencies.added) out.push(`- new dependency ${e(pair.from)} → ${e(pair.to)} (${pair.edges} ${pair.edges === 1 ? 'edge' : 'edges'})`);
    for (const pair of dependencies.removed) out.push(`- dependency ${e(pair.from)} → ${e(pair.to)} removed`);
  }
  return `${out.join('\n')}\n`;
}
