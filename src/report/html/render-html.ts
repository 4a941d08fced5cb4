import { createHash } from 'node:crypto';
import type { Analysis } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { toScriptJson } from './embed-json.js';
import { getBrowserAssets } from './get-browser-assets.js';
import { computeGraphLayout } from './layout/compute-graph-layout.js';
import type { GraphLayout, ReportData } from './report-data.js';

/**
 * One self-contained HTML page: the bundled CSS and script inline, the Analysis and the graph
 * layout as a JSON data block, and a Content-Security-Policy that allows exactly that script (by
 * its hash) and nothing from the network. The page renders every analysed string as text.
 */
export function renderHtml(analysis: Analysis, layout: GraphLayout = computeGraphLayout(analysis)): string {
  const { script, style } = getBrowserAssets();
  assertInlineSafe(script, 'script');
  assertInlineSafe(style, 'style');
  const data: ReportData = { analysis, layout };
  const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
  const policy = [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="seams ${escapeHtml(analysis.tool.version)}">`,
    `<title>seams: ${escapeHtml(analysis.root)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<noscript>This report draws its views with JavaScript; the data is in the JSON block of this file and in seams.json.</noscript>',
    '<div id="app"></div>',
    `<script type="application/json" id="seams-data">${toScriptJson(data)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A bundle that contained `</script` or `</style` would end its element early: a build bug, not bad input. */
function assertInlineSafe(text: string, element: 'script' | 'style'): void {
  if (new RegExp(`</${element}|<!--`, 'i').test(text)) {
    throw new Error(`renderHtml: the bundled ${element} contains "</${element}" or "<!--" and cannot be inlined`);
  }
}
