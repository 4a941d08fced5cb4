import { RENDERERS, type RenderOptions, type ReportFormat } from '../report/index.js';
import type { Analysis } from '../types.js';

/** Reports the analysis thread renders once it has sent the analysis, while the CLI writes the rest. */
export interface RenderOnThread {
  formats: ReportFormat[];
  options: RenderOptions;
}

export function renderReports(analysis: Analysis, render: RenderOnThread): Map<ReportFormat, string> {
  return new Map(render.formats.map((format) => [format, RENDERERS[format]!.render(analysis, render.options)]));
}
