import { toTerminalText as t } from '../escape.js';
import type { Explanation, FileExplanation, FileNeighbour, FindingSummary, ServiceExplanation, TableExplanation } from './get-explanation.js';

/** How many neighbours, accesses or symbols to list before "… N more". */
const LIMIT = 10;

/** `seams explain` as plain text: short sections, file:line everywhere, names escaped. */
export function renderExplanation(explanation: Explanation): string {
  const lines =
    explanation.kind === 'file'
      ? renderFile(explanation)
      : explanation.kind === 'table'
        ? renderTable(explanation)
        : renderService(explanation);
  return `${lines.join('\n')}\n`;
}

function renderFile(file: FileExplanation): string[] {
  const lines = [
    `file ${t(file.path)}`,
    `  service: ${file.service ? t(file.service) : file.role === 'shared' ? '(shared kernel)' : '(unassigned)'}, placement ${file.placement}, confidence ${file.confidence.toFixed(2)}, ${file.lines} lines`,
    `  why: ${t(file.reason)}`,
    '',
    'Dependency weight by service',
    ...(file.weightByService.length > 0
      ? file.weightByService.map((entry) => `  ${t(entry.service).padEnd(24)} ${String(entry.weight).padStart(7)}  (${plural(entry.edges, 'edge')})`)
      : ['  (no dependencies)']),
  ];
  lines.push('', `Depends on (${file.dependsOn.length})`, ...renderNeighbours(file.dependsOn, 'out'));
  lines.push('', `Used by (${file.usedBy.length})`, ...renderNeighbours(file.usedBy, 'in'));
  if (file.tables.length > 0) {
    lines.push('', 'Tables');
    for (const table of file.tables) lines.push(`  ${t(table.name)}  ${table.access.join('+')}  owner ${table.owner ? t(table.owner) : '(none)'}`);
  }
  lines.push(...renderFindings(file.findings));
  return lines;
}

/** Depends on: `target  [service] kinds weight  (line N)`; used by: `source:line  [service] kinds weight`. */
function renderNeighbours(neighbours: FileNeighbour[], direction: 'in' | 'out'): string[] {
  if (neighbours.length === 0) return ['  (none)'];
  const lines = neighbours.slice(0, LIMIT).map((neighbour) => {
    const service = `[${neighbour.service ? t(neighbour.service) : '-'}] ${neighbour.kinds.join('+')} ${neighbour.weight}`;
    return direction === 'out'
      ? `  ${t(neighbour.file)}  ${service}  (line ${neighbour.line})`
      : `  ${t(neighbour.file)}:${neighbour.line}  ${service}`;
  });
  if (neighbours.length > LIMIT) lines.push(`  … ${neighbours.length - LIMIT} more (--json lists all)`);
  return lines;
}

function renderTable(table: TableExplanation): string[] {
  const lines = [
    `table ${t(table.name)} (${table.tableKind})`,
    `  owner: ${table.owner ? t(table.owner) : '(none)'}${table.shared ? ', shared by several services' : ''}`,
  ];
  if (table.declaredIn.length > 0) lines.push(`  declared in: ${table.declaredIn.map((place) => `${t(place.file)}:${place.line}`).join(', ')}`);
  lines.push('', 'Accessors');
  for (const accessor of table.accessors) {
    lines.push(`  ${(accessor.service ? t(accessor.service) : '(no service)').padEnd(24)} ${plural(accessor.writes, 'write')}, ${plural(accessor.reads, 'read')}`);
  }
  const writes = table.accesses.filter((access) => access.access === 'write');
  const reads = table.accesses.filter((access) => access.access === 'read');
  for (const [title, accesses] of [
    ['Writes', writes],
    ['Reads', reads],
  ] as const) {
    lines.push('', `${title} (${accesses.length})`);
    if (accesses.length === 0) lines.push('  (none)');
    for (const access of accesses.slice(0, LIMIT * 2)) {
      lines.push(`  ${t(access.file)}:${access.line}  [${access.service ? t(access.service) : '-'}] ${t(access.via)}`);
    }
    if (accesses.length > LIMIT * 2) lines.push(`  … ${accesses.length - LIMIT * 2} more (--json lists all)`);
  }
  lines.push(...renderFindings(table.findings));
  return lines;
}

function renderService(service: ServiceExplanation): string[] {
  const { metrics } = service;
  const lines = [
    `service ${t(service.name)}${service.name !== service.id ? ` (${t(service.id)})` : ''}`,
    `  ${service.size} files, confidence ${service.confidence.toFixed(2)}, cohesion ${metrics.cohesion.toFixed(2)}, instability ${metrics.instability.toFixed(2)}`,
    `  owns tables: ${service.tables.length > 0 ? service.tables.map(t).join(', ') : '(none)'}`,
  ];
  if (service.extraction) {
    const step = service.extraction;
    lines.push(
      `  extraction: rank ${step.rank}, cost ${step.cost} (${plural(step.crossServiceEdges, 'cross-service edge')}, ` +
        `${plural(step.sharedTables, 'shared table')}, ${plural(step.crossServiceTransactions, 'transaction')}, ${plural(step.cycles, 'cycle')})`,
    );
  }
  lines.push('', `Depends on (${service.dependsOn.length})`);
  if (service.dependsOn.length === 0) lines.push('  (nothing)');
  for (const dependency of service.dependsOn) lines.push(`  → ${t(dependency.to).padEnd(24)} ${plural(dependency.edges, 'edge')}, weight ${dependency.weight}  ${describeKinds(dependency.kinds)}`);
  lines.push('', `Depended on by (${service.dependedOnBy.length})`);
  if (service.dependedOnBy.length === 0) lines.push('  (nothing)');
  for (const dependency of service.dependedOnBy) lines.push(`  ← ${t(dependency.from).padEnd(24)} ${plural(dependency.edges, 'edge')}, weight ${dependency.weight}  ${describeKinds(dependency.kinds)}`);
  lines.push('', `API surface (${service.apiSurface.length})`);
  if (service.apiSurface.length === 0) lines.push('  (no other service uses it)');
  for (const entry of service.apiSurface.slice(0, LIMIT * 2)) lines.push(`  ${t(entry.file)}#${t(entry.symbol)}  used by ${entry.usedBy.map(t).join(', ')}`);
  if (service.apiSurface.length > LIMIT * 2) lines.push(`  … ${service.apiSurface.length - LIMIT * 2} more (--json lists all)`);
  lines.push(...renderFindings(service.findings));
  return lines;
}

function describeKinds(kinds: Partial<Record<string, number>>): string {
  return Object.entries(kinds)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
}

function renderFindings(findings: FindingSummary[]): string[] {
  if (findings.length === 0) return ['', 'Findings: none'];
  return ['', `Findings (${findings.length})`, ...findings.map((finding) => `  [${finding.severity}] ${t(finding.message)}  (${finding.kind} ${finding.id})`)];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
