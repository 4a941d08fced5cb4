import type { Analysis } from '../types.js';
import { getServiceDetail } from './get-service-detail.js';

export interface GraphRenderOptions {
  /** A service id or name: draw that service's files and their border crossings instead of the service graph. */
  detail?: string;
}

/**
 * Text for a DOT double-quoted string: backslash and quote escaped (so `\N`, `\l` and a closing
 * quote lose their meaning), line breaks as DOT's `\n`, other control characters dropped.
 */
export function escapeDot(value: string): string {
  return value
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, '\\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '');
}

const q = (value: string) => `"${escapeDot(value)}"`;

/**
 * Graphviz DOT of the candidate services (box per service, cylinder per shared table, edge pen
 * width by dependency weight) or, with `detail`, of one service's files. Node ids are generated
 * (s0, t0, f0); every analysed string appears only inside an escaped quoted label.
 */
export function renderDot(analysis: Analysis, options: GraphRenderOptions = {}): string {
  const lines = [
    'digraph seams {',
    `  graph [rankdir=LR, fontname="Helvetica", labelloc=t, label=${q(`seams: ${analysis.root}`)}];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#eef2f7", color="#8895a7", fontname="Helvetica"];',
    '  edge [color="#8895a7", fontname="Helvetica", fontsize=10];',
  ];
  if (options.detail !== undefined) lines.push(...renderDetail(analysis, options.detail));
  else lines.push(...renderServices(analysis));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function renderServices(analysis: Analysis): string[] {
  const lines: string[] = [];
  const serviceIds = new Map(analysis.services.map((service, index) => [service.id, `s${index}`]));
  analysis.services.forEach((service, index) => {
    lines.push(`  s${index} [label=${q(`${service.name}\n${countFiles(service.size)}, confidence ${service.confidence}`)}];`);
  });
  if (analysis.sharedKernel.length > 0) lines.push(`  kernel [label=${q(`shared kernel\n${countFiles(analysis.sharedKernel.length)}`)}, style="rounded,dashed"];`);
  const heaviest = analysis.dependencies.reduce((max, dependency) => Math.max(max, dependency.weight), 1e-9);
  for (const dependency of analysis.dependencies) {
    const from = serviceIds.get(dependency.from);
    const to = serviceIds.get(dependency.to);
    if (!from || !to) continue;
    const width = (1 + 4 * Math.sqrt(dependency.weight / heaviest)).toFixed(1);
    lines.push(`  ${from} -> ${to} [label=${q(String(dependency.edges))}, penwidth=${width}, tooltip=${q(`${dependency.edges} edges, weight ${dependency.weight}`)}];`);
  }
  analysis.tables.forEach((table, index) => {
    if (!table.shared) return;
    lines.push(`  t${index} [label=${q(table.name)}, shape=cylinder, fillcolor="#fdf0d0"];`);
    for (const accessor of table.accessors) {
      const from = accessor.service === null ? undefined : serviceIds.get(accessor.service);
      if (!from) continue;
      const mark = `${accessor.reads > 0 ? 'R' : ''}${accessor.writes > 0 ? 'W' : ''}`;
      const color = accessor.writes > 0 ? '#e15759' : '#4e79a7';
      lines.push(`  ${from} -> t${index} [label=${q(mark)}, style=dashed, color=${q(color)}, arrowhead=none];`);
    }
  });
  return lines;
}

function renderDetail(analysis: Analysis, wanted: string): string[] {
  const detail = getServiceDetail(analysis, wanted);
  const idOf = (file: string) => detail.nodeIds.get(file)!;
  const names = new Map(analysis.services.map((service) => [service.id, service.name]));
  const lines = [`  subgraph cluster_0 {`, `    label=${q(detail.service.name)};`, '    style="rounded"; color="#4e79a7";'];
  for (const file of detail.files) lines.push(`    ${idOf(file)} [label=${q(file)}];`);
  lines.push('  }');
  detail.neighbours.forEach((group, index) => {
    const label = group.service === null ? 'shared kernel and unassigned' : (names.get(group.service) ?? group.service);
    lines.push(`  subgraph cluster_${index + 1} {`, `    label=${q(label)};`, '    style="rounded,dashed"; color="#8895a7";');
    for (const file of group.files) lines.push(`    ${idOf(file)} [label=${q(file)}, fillcolor="#f7f7f7"];`);
    lines.push('  }');
  });
  for (const edge of detail.inner) lines.push(`  ${idOf(edge.from)} -> ${idOf(edge.to)};`);
  for (const edge of detail.crossing) lines.push(`  ${idOf(edge.from)} -> ${idOf(edge.to)} [color="#e8833a", tooltip=${q(`${edge.from}:${edge.line}`)}];`);
  return lines;
}

function countFiles(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'}`;
}
