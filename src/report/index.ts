import type { Analysis } from '../types.js';
import { UsageError } from '../util/errors.js';
import { findService } from './get-service-detail.js';
import { renderHtml } from './html/render-html.js';
import type { ReportAnalysis, TrendPoint } from './html/report-data.js';
import { renderDot } from './render-dot.js';
import { renderJson } from './render-json.js';
import { renderMermaid } from './render-mermaid.js';
import { renderSarif } from './render-sarif.js';

/** Every report format by name; `seams analyze --format` picks among them. */
export const FORMATS = ['json', 'html', 'md', 'sarif', 'dot', 'mermaid'] as const;
export type ReportFormat = (typeof FORMATS)[number];
export const DEFAULT_FORMATS: ReportFormat[] = ['json', 'html'];

export interface RenderOptions {
  /** For dot and mermaid: a service id or name whose files to draw instead of the service graph. */
  detail?: string;
  /** For html: the project's history, oldest first, drawn as trend charts (kept out of the JSON). */
  trend?: TrendPoint[];
}

export interface ReportRenderer {
  /** File name under the output folder. */
  file: string;
  render(analysis: Analysis, options: RenderOptions): string;
}

/** Format name → renderer of one Analysis (dependency-cruiser's report/index.mjs, in miniature). */
export const RENDERERS: Partial<Record<ReportFormat, ReportRenderer>> = {
  json: { file: 'seams.json', render: (analysis) => renderJson(analysis) },
  html: {
    file: 'seams.html',
    render: (analysis, options) => renderHtml(options.trend ? ({ ...analysis, trend: options.trend } as ReportAnalysis) : analysis),
  },
  sarif: { file: 'seams.sarif', render: (analysis) => renderSarif(analysis) },
  dot: { file: 'seams.dot', render: (analysis, options) => renderDot(analysis, options) },
  mermaid: { file: 'seams.mmd', render: (analysis, options) => renderMermaid(analysis, options) },
};

/** Formats that exist but are not a rendering of one Analysis, and where to get them. */
const WRITTEN_ELSEWHERE: Partial<Record<ReportFormat, string>> = {
  md: 'the Markdown report compares two analyses; `seams check` writes it',
};

/** Parses `json,html,dot` into known formats, in the order given, without repeats. */
export function parseFormats(list: string): ReportFormat[] {
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`--format: name at least one of ${FORMATS.join(', ')}`);
  const formats: ReportFormat[] = [];
  for (const name of names) {
    const format = FORMATS.find((candidate) => candidate === name);
    if (!format) throw new UsageError(`--format: unknown format "${name}" (choose from ${FORMATS.join(', ')})`);
    if (!RENDERERS[format]) throw new UsageError(`--format ${format}: ${WRITTEN_ELSEWHERE[format] ?? 'not available in this version'}`);
    if (!formats.includes(format)) formats.push(format);
  }
  return formats;
}

/** Checks `detail` before anything is written: it needs a graph format and an existing service. */
export function checkRenderOptions(analysis: Analysis, formats: ReportFormat[], options: RenderOptions): void {
  if (options.detail === undefined) return;
  if (!formats.includes('dot') && !formats.includes('mermaid')) throw new UsageError('--detail applies to --format dot or mermaid');
  findService(analysis, options.detail);
}
