/// <reference lib="dom" />
// Code passed to page.evaluate runs in the page, so these files see the DOM types too.
import fs from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import type { Analysis } from '../../src/types.js';
import { computeGraphLayout } from '../../src/report/html/layout/compute-graph-layout.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { openReport } from './open-report.js';

export interface ReportMeasurement {
  files: number;
  services: number;
  edges: number;
  layoutMs: number;
  renderMs: number;
  htmlBytes: number;
  /** Navigation start to the overview drawn (the page's `seams:first-render` mark). */
  firstRenderMs: number;
  /** Time from asking for a graph view to sigma's first frame. */
  serviceGraphMs: number;
  largestServiceGraphMs: number;
  allFilesGraphMs: number;
  errors: string[];
}

/** Renders the analysis to `file` and times it in Node and in Chromium. */
export async function measureReport(context: BrowserContext, analysis: Analysis, file: string): Promise<ReportMeasurement> {
  let started = performance.now();
  const layout = computeGraphLayout(analysis);
  const layoutMs = performance.now() - started;
  started = performance.now();
  const html = renderHtml(analysis, layout);
  const renderMs = performance.now() - started;
  fs.writeFileSync(file, html);
  const report = await openReport(context, file);
  const firstRenderMs = await report.page.evaluate(() => performance.getEntriesByName('seams:first-render')[0]!.startTime);
  const timeGraph = (hash: string) =>
    report.page.evaluate(
      (target) =>
        new Promise<number>((resolve) => {
          const begin = performance.now();
          location.hash = target;
          const canvas = document.querySelector('[data-testid="graph-canvas"]');
          canvas?.removeAttribute('data-rendered');
          const poll = () => {
            const current = document.querySelector('[data-testid="graph-canvas"]');
            if (current?.getAttribute('data-rendered') === 'true') resolve(performance.now() - begin);
            else requestAnimationFrame(poll);
          };
          poll();
        }),
      hash,
    );
  const serviceGraphMs = await timeGraph('#/graph');
  const largestServiceGraphMs = await timeGraph('#/graph/group/0');
  const allFilesGraphMs = await timeGraph('#/graph/files');
  await report.page.close();
  return {
    files: analysis.files.length,
    services: analysis.services.length,
    edges: analysis.edges.length,
    layoutMs: Math.round(layoutMs),
    renderMs: Math.round(renderMs),
    htmlBytes: Buffer.byteLength(html),
    firstRenderMs: Math.round(firstRenderMs),
    serviceGraphMs: Math.round(serviceGraphMs),
    largestServiceGraphMs: Math.round(largestServiceGraphMs),
    allFilesGraphMs: Math.round(allFilesGraphMs),
    errors: report.errors,
  };
}
