import type { HistoryRecord } from './history-record.js';

/** `seams history show`: one row per recorded commit, oldest first, the figures a trend is read from. */
export function renderHistoryTable(records: HistoryRecord[]): string {
  if (records.length === 0) return 'No history recorded yet: run `seams history record` or `seams history backfill --since <date>`.\n';
  const mixedConfig = new Set(records.map((record) => record.configHash)).size > 1;
  const header = ['date', 'commit', 'services', 'files', 'modularity', 'cross edges', 'shared tables', 'findings'];
  if (mixedConfig) header.push('config');
  const rows = records.map((record) => {
    const findings = Object.values(record.findings).reduce((sum, count) => sum + count, 0);
    const row = [
      record.date.slice(0, 10),
      record.sha.slice(0, 7),
      String(record.summary.services),
      String(record.summary.files),
      record.metrics.modularity.toFixed(4),
      String(record.metrics.crossServiceEdges),
      String(record.metrics.sharedTables),
      String(findings),
    ];
    if (mixedConfig) row.push(record.configHash.slice(0, 8));
    return row;
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const lines = [format(header), ...rows.map(format)];
  if (mixedConfig) lines.push('', 'Records use different configurations (config column): compare rows of the same config only.');
  return `${lines.join('\n')}\n`;
}
