import type { Analysis } from '../types.js';
import { toTerminalText } from './escape.js';

export interface TerminalOptions {
  color: boolean;
  /** How many rows to show per list before "… N more". */
  limit?: number;
}

/** The summary an engineer reads after `seams analyze`: services, kernel, coupling, problems. */
export function renderTerminal(analysis: Analysis, options: TerminalOptions): string {
  const limit = options.limit ?? 8;
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[22m` : text);
  const dim = (text: string) => (options.color ? `\u001b[2m${text}\u001b[22m` : text);
  const t = toTerminalText;
  const lines: string[] = [];
  const { summary, metrics } = analysis;
  const history = new Set(analysis.files.filter((file) => file.placement === 'schema-history').map((file) => file.path));
  lines.push(
    bold(`seams: ${t(analysis.root)}`) +
      ` — ${summary.files} files, ${summary.services} candidate services, ${summary.sharedKernel} shared kernel, ${summary.unassigned - history.size} unassigned` +
      (history.size > 0 ? `, ${history.size} schema history` : ''),
  );
  lines.push(
    `modularity ${metrics.modularity.toFixed(3)}  SM ${metrics.sm.toFixed(3)}  ICP ${metrics.icp.toFixed(3)}  MQ ${metrics.mq.toFixed(2)}  ` +
      `cross-service edges ${metrics.crossServiceEdges}  shared tables ${metrics.sharedTables}`,
  );
  lines.push('');
  lines.push(bold('Candidate services'));
  for (const service of analysis.services) {
    const tables = service.tables.length > 0 ? `  tables: ${truncateList(service.tables.map(t), 6)}` : '';
    lines.push(`  ${bold(t(service.name))}  ${service.size} files, confidence ${service.confidence.toFixed(2)}${tables}`);
    for (const file of service.topFiles.slice(0, 3)) lines.push(dim(`    ${t(file)}`));
  }
  if (analysis.sharedKernel.length > 0) {
    lines.push('');
    lines.push(bold(`Shared kernel (${analysis.sharedKernel.length})`));
    for (const entry of analysis.sharedKernel.slice(0, limit)) lines.push(`  ${t(entry.path)}  ${dim(t(entry.reason))}`);
    if (analysis.sharedKernel.length > limit) lines.push(dim(`  … ${analysis.sharedKernel.length - limit} more`));
  }
  const listFiles = (title: string, reason: string, files: string[]) => {
    if (files.length === 0) return;
    lines.push('');
    lines.push(bold(`${title} (${files.length})`) + dim(`  ${reason}`));
    for (const file of files.slice(0, limit)) lines.push(`  ${t(file)}`);
    if (files.length > limit) lines.push(dim(`  … ${files.length - limit} more`));
  };
  listFiles(
    'Unassigned',
    'tied to no service by a dependency, and too few to be one',
    analysis.unassigned.filter((file) => !history.has(file)),
  );
  listFiles('Schema history', 'migrations and seeds: they run once and belong to no service', [...history]);
  if (analysis.dependencies.length > 0) {
    lines.push('');
    lines.push(bold('Strongest cross-service dependencies'));
    for (const dependency of analysis.dependencies.slice(0, limit)) {
      lines.push(`  ${t(dependency.from)} → ${t(dependency.to)}  ${dependency.edges} ${dependency.edges === 1 ? 'edge' : 'edges'}, weight ${dependency.weight}`);
    }
  }
  const sharedTables = analysis.tables.filter((table) => table.shared);
  if (sharedTables.length > 0) {
    lines.push('');
    lines.push(bold('Shared tables') + dim('  R read, W write, RW both; * owner'));
    // Only the services that touch a shared table: the rest would be empty columns.
    const touching = new Set(sharedTables.flatMap((table) => table.accessors.map((accessor) => accessor.service)));
    const services = analysis.services.map((service) => service.id).filter((service) => touching.has(service));
    const nameWidth = Math.min(28, Math.max(5, ...sharedTables.map((table) => t(table.name).length)));
    const columns = services.map((service) => Math.max(3, Math.min(14, service.length)));
    lines.push(`  ${''.padEnd(nameWidth)}  ${services.map((s, i) => t(s).slice(0, columns[i]).padEnd(columns[i]!)).join(' ')}`);
    for (const table of sharedTables) {
      const cells = services.map((service, i) => {
        const accessor = table.accessors.find((a) => a.service === service);
        const mark = accessor ? `${accessor.reads > 0 ? 'R' : ''}${accessor.writes > 0 ? 'W' : ''}` : '·';
        return `${mark}${table.owner === service ? '*' : ''}`.padEnd(columns[i]!);
      });
      lines.push(`  ${t(table.name).slice(0, nameWidth).padEnd(nameWidth)}  ${cells.join(' ')}`);
    }
  }
  if (analysis.curve && analysis.curve.length > 0) {
    lines.push('');
    lines.push(bold(`Services vs modularity`) + dim(`  resolution ${analysis.options.resolution} chosen for about ${analysis.options.targetServices} services`));
    lines.push(dim('  resolution  services  modularity'));
    // One row per change in the number of services: 40 resolutions would bury the summary.
    const changes = analysis.curve.filter((point, index, all) => index === 0 || all[index - 1]!.services !== point.services || point.resolution === analysis.options.resolution);
    for (const point of changes) {
      const mark = point.resolution === analysis.options.resolution ? ' ←' : '';
      lines.push(`  ${point.resolution.toFixed(2).padStart(10)}  ${String(point.services).padStart(8)}  ${point.modularity.toFixed(3).padStart(10)}${mark}`);
    }
  }
  const { high, medium, low, info } = summary.findings;
  lines.push('');
  lines.push(bold('Findings') + `  ${high} high, ${medium} medium, ${low} low, ${info} info`);
  for (const finding of analysis.findings.slice(0, limit)) {
    const where = finding.locations[0] ? dim(`  ${t(finding.locations[0].file)}:${finding.locations[0].line}`) : '';
    lines.push(`  [${finding.severity}] ${t(finding.message)}${where}`);
  }
  if (analysis.findings.length > limit) lines.push(dim(`  … ${analysis.findings.length - limit} more in the JSON and HTML reports`));
  lines.push('');
  lines.push(
    `Diagnostics: ${summary.diagnostics}${describeDiagnosticCodes(analysis.diagnostics)}` +
      (summary.diagnostics > 0 ? dim('  listed under "diagnostics" in the JSON report') : ''),
  );
  // With nothing analysed, the reason is the one thing worth reading: say it here, not only in the JSON.
  for (const diagnostic of analysis.diagnostics) if (diagnostic.code === 'no-source-files') lines.push(`  ${t(diagnostic.message)}`);
  if (analysis.run) {
    lines.push(dim(`Timings: ${analysis.run.timings.map((s) => `${s.stage} ${s.ms} ms (${s.heapMb} MB)`).join(', ')}; total ${analysis.run.durationMs} ms`));
  }
  return `${lines.join('\n')}\n`;
}

function truncateList(values: string[], max: number): string {
  return values.length > max ? `${values.slice(0, max).join(', ')}, … ${values.length - max} more` : values.join(', ');
}

/** What diagnostics say, most frequent first, in words: "(11 generated files left out, 7 unresolved imports)". */
function describeDiagnosticCodes(diagnostics: readonly { code: string }[]): string {
  if (diagnostics.length === 0) return '';
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, count]) => `${count} ${DIAGNOSTIC_WORDS[code] ?? code}`);
  return ` (${parts.join(', ')})`;
}

const DIAGNOSTIC_WORDS: Record<string, string> = {
  'unresolved-import': 'unresolved imports',
  'computed-import': 'imports computed at run time',
  'alias-outside-root': 'path aliases outside the root',
  'generated-file': 'generated or minified files left out',
  'file-too-large': 'files too large to read',
  'parse-error': 'files with syntax errors',
  'unresolved-table': 'table names not statically known',
  'table-name-from-schema': "model tables named by the schema's spelling",
  'naming-from-schema': 'naming options inferred from the schema',
};
