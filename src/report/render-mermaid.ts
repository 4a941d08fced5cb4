import type { Analysis } from '../types.js';
import type { GraphRenderOptions } from './render-dot.js';
import { getServiceDetail } from './get-service-detail.js';

const MERMAID_CODES: Record<string, string> = { '#': '#35;', '"': '#34;', '<': '#60;', '>': '#62;', '&': '#38;', '`': '#96;' };

/**
 * Text for a quoted Mermaid label: Mermaid reads `#<code>;` as a character, so `#` itself and
 * the characters that could end the quote, open markup, or start a Markdown string (a backtick)
 * become codes; line breaks and other control characters become spaces.
 */
export function escapeMermaid(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
  return value.replace(/[#"<>&`]/g, (c) => MERMAID_CODES[c]!).replace(/[\u0000-\u001f\u007f]/g, ' ');
}

const q = (value: string) => `"${escapeMermaid(value)}"`;

/**
 * A Mermaid flowchart of the candidate services (shared tables as database shapes) or, with
 * `detail`, of one service's files and their border crossings. Ids are generated (s0, t0, f0);
 * every analysed string sits in a quoted label with Mermaid's #code; escapes.
 */
export function renderMermaid(analysis: Analysis, options: GraphRenderOptions = {}): string {
  const lines = ['flowchart LR'];
  if (options.detail !== undefined) lines.push(...renderDetail(analysis, options.detail));
  else lines.push(...renderServices(analysis));
  return `${lines.join('\n')}\n`;
}

function renderServices(analysis: Analysis): string[] {
  const lines: string[] = [];
  const serviceIds = new Map(analysis.services.map((service, index) => [service.id, `s${index}`]));
  analysis.services.forEach((service, index) => {
    lines.push(`  s${index}[${q(`${service.name} (${countFiles(service.size)})`)}]`);
  });
  if (analysis.sharedKernel.length > 0) lines.push(`  kernel[${q(`shared kernel (${countFiles(analysis.sharedKernel.length)})`)}]`);
  for (const dependency of analysis.dependencies) {
    const from = serviceIds.get(dependency.from);
    const to = serviceIds.get(dependency.to);
    if (from && to) lines.push(`  ${from} -->|${dependency.edges}| ${to}`);
  }
  analysis.tables.forEach((table, index) => {
    if (!table.shared) return;
    lines.push(`  t${index}[(${q(table.name)})]`);
    for (const accessor of table.accessors) {
      const from = accessor.service === null ? undefined : serviceIds.get(accessor.service);
      if (from) lines.push(`  ${from} -.-|${accessor.reads > 0 ? 'R' : ''}${accessor.writes > 0 ? 'W' : ''}| t${index}`);
    }
  });
  if (analysis.sharedKernel.length > 0) lines.push('  style kernel stroke-dasharray: 4 4');
  return lines;
}

function renderDetail(analysis: Analysis, wanted: string): string[] {
  const detail = getServiceDetail(analysis, wanted);
  const idOf = (file: string) => detail.nodeIds.get(file)!;
  const names = new Map(analysis.services.map((service) => [service.id, service.name]));
  const lines = [`  subgraph g0[${q(detail.service.name)}]`];
  for (const file of detail.files) lines.push(`    ${idOf(file)}[${q(file)}]`);
  lines.push('  end');
  detail.neighbours.forEach((group, index) => {
    const label = group.service === null ? 'shared kernel and unassigned' : (names.get(group.service) ?? group.service);
    lines.push(`  subgraph g${index + 1}[${q(label)}]`);
    for (const file of group.files) lines.push(`    ${idOf(file)}[${q(file)}]`);
    lines.push('  end');
  });
  for (const edge of detail.inner) lines.push(`  ${idOf(edge.from)} --> ${idOf(edge.to)}`);
  for (const edge of detail.crossing) lines.push(`  ${idOf(edge.from)} ==> ${idOf(edge.to)}`);
  return lines;
}

function countFiles(count: number): string {
  return `${count} ${count === 1 ? 'file' : 'files'}`;
}
