import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toScriptJson } from '../../src/report/html/embed-json.js';
import { computeGraphLayout } from '../../src/report/html/layout/compute-graph-layout.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { createSyntheticAnalysis } from './create-synthetic-analysis.js';

const DATA_OPEN = '<script type="application/json" id="seams-data">';

function getDataBlock(html: string): string {
  const start = html.indexOf(DATA_OPEN) + DATA_OPEN.length;
  return html.slice(start, html.indexOf('</script>', start));
}

function getInlineScript(html: string): string {
  const start = html.lastIndexOf('<script>') + '<script>'.length;
  return html.slice(start, html.indexOf('</script>', start));
}

/** The page without the contents of its script and style elements: the markup a browser parses as HTML. */
function getMarkup(html: string): string {
  return html.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2').replace(/(<style>)[\s\S]*?(<\/style>)/g, '$1$2');
}

describe('renderHtml', () => {
  const analysis = createSyntheticAnalysis({ files: 150, services: 5, trend: 3 });
  const html = renderHtml(analysis);

  it('embeds the analysis and its graph layout as JSON that reads back unchanged', () => {
    expect(JSON.parse(getDataBlock(html))).toEqual(JSON.parse(JSON.stringify({ analysis, layout: computeGraphLayout(analysis) })));
  });

  it('allows its own inline script by hash, inline styles and data: images, and nothing else', () => {
    const hash = createHash('sha256').update(getInlineScript(html), 'utf8').digest('base64');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy).toBe(`default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('loads nothing: its markup has no src or href attribute and exactly two scripts, both inline', () => {
    const markup = getMarkup(html);
    expect(markup).not.toMatch(/\s(src|href|srcset|action)\s*=/i);
    expect(markup.match(/<script/g)).toEqual(['<script', '<script']);
    expect(markup.match(/<\/script>/g)).toHaveLength(2);
  });

  it('puts markup, quotes and line separators from analysed names into the page only as escapes', () => {
    const hostile = createSyntheticAnalysis({ files: 80, services: 8, hostile: true, trend: 2 });
    hostile.services[0]!.name = `line\u2028separator\u2029and <b>bold</b>`;
    const page = renderHtml(hostile);
    for (const name of ['<img src=x onerror=window.__pwned=1>', '</script><script>window.__pwned=2</script>', '<svg onload=window.__pwned=3>', '<b>bold</b>', `"quoted" & 'single'`]) {
      expect(page).not.toContain(name);
    }
    expect(page).not.toMatch(/[\u2028\u2029]/);
    expect(page.match(/<\/script/gi)).toHaveLength(2);
    expect(page).toContain('<title>seams: shop&lt;/script&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;</title>');
    expect(JSON.parse(getDataBlock(page)).analysis).toEqual(JSON.parse(JSON.stringify(hostile)));
  });

  it('gives the same bytes for the same analysis', () => {
    expect(renderHtml(createSyntheticAnalysis({ files: 150, services: 5, trend: 3 }))).toBe(html);
  });
});

describe('toScriptJson', () => {
  it('escapes the characters that could end a script element or a JavaScript line, and JSON.parse restores them', () => {
    const value = { name: '</script><!-- & \u2028 \u2029 >' };
    const text = toScriptJson(value);
    expect(text).toBe('{"name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028 \\u2029 \\u003e"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
