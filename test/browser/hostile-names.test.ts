/// <reference lib="dom" />
// Code passed to page.evaluate runs in the page, so these files see the DOM types too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import type { ReportAnalysis } from '../../src/report/html/report-data.js';
import { getFixturePath, REPO_ROOT } from '../helpers/fixture-path.js';
import { createSyntheticAnalysis } from '../report/create-synthetic-analysis.js';
import { type ChromiumSession, launchChromium, SKIP_BROWSER_TESTS } from './launch-chromium.js';
import { type OpenedReport, openReport } from './open-report.js';

const SCREENSHOTS = path.join(REPO_ROOT, 'reports', 'screenshots');

/** Every hash route of the page for this analysis: each view, each service page, each group of files. */
function getRoutes(analysis: ReportAnalysis): string[] {
  return [
    '#/overview',
    '#/graph',
    '#/graph/files',
    '#/tables',
    '#/findings',
    '#/trend',
    ...analysis.services.flatMap((_, index) => [`#/service/${index}`, `#/graph/group/${index}`]),
    ...(analysis.sharedKernel.length > 0 ? ['#/graph/group/kernel'] : []),
  ];
}

/** Visits every route (and opens every table's details), then reports what ran and what the page shows. */
async function visitEverything(report: OpenedReport, routes: string[]): Promise<string> {
  const { page } = report;
  let text = '';
  for (const route of routes) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, route);
    await page.waitForFunction((hash) => location.hash === hash, route);
    if (route === '#/tables') for (const button of await page.locator('.table-name').all()) await button.click();
    if (route.startsWith('#/graph')) await page.waitForSelector('[data-testid="graph-canvas"][data-rendered="true"]');
    text += await page.locator('main').textContent();
  }
  return text;
}

async function getTraps(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwnedHits: unknown[] }).__pwnedHits,
    violations: (window as unknown as { __violations: string[] }).__violations,
    markup: document.querySelectorAll('img, svg, iframe, object, embed, frame').length,
    scripts: document.scripts.length,
  }));
}

describe.skipIf(SKIP_BROWSER_TESTS)('the HTML report of hostile names', () => {
  let chromium: ChromiumSession;
  let directory: string;

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-hostile-html-'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('shows the fixture’s folder, file, table and symbol names as text and runs none of them', async () => {
    const analysis = await analyze({ root: getFixturePath('report', 'hostile-names'), workers: false });
    const file = path.join(directory, 'fixture.html');
    fs.writeFileSync(file, renderHtml(analysis));
    const report = await openReport(chromium.context, file);
    const text = await visitEverything(report, getRoutes(analysis));
    expect(await report.page.title()).toBe('seams: hostile-names');
    expect(text).toContain('src/<img src=x onerror=alert(1)>/order.repository.ts');
    expect(text).toContain('src/evil</script>.ts');
    expect(text).toContain(`src/"quoted" & 'single'/invoice.service.ts`);
    expect(text).toContain('src/заказы-ünïcødé-📦/`product`.repository.ts');
    expect(text).toContain('</script><script>alert(2)</script>');
    // Whatever the clustering makes of the fixture, every name it reports is on the page verbatim.
    const names = [
      ...analysis.files.map((entry) => entry.path),
      ...analysis.tables.map((table) => table.name),
      ...analysis.services.flatMap((service) => [service.name, ...service.apiSurface.map((entry) => entry.symbol)]),
    ];
    expect(names.filter((name) => !text.includes(name))).toEqual([]);
    expect(await getTraps(report.page)).toEqual({ pwned: [], violations: [], markup: 0, scripts: 2 });
    expect(report.dialogs).toEqual([]);
    expect(report.errors).toEqual([]);
    await report.page.evaluate(() => {
      location.hash = '#/service/0';
    });
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-service-page.png'), fullPage: true });
    await report.page.close();
  });

  it('shows markup in every field of an analysis (services, tables, findings, diagnostics, history) as text', async () => {
    const analysis = createSyntheticAnalysis({ files: 120, services: 8, hostile: true, trend: 5 });
    const file = path.join(directory, 'synthetic.html');
    fs.writeFileSync(file, renderHtml(analysis));
    const report = await openReport(chromium.context, file);
    const text = await visitEverything(report, getRoutes(analysis));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${x} in a name is one of the hostile cases
    for (const name of ['<img src=x onerror=window.__pwned=1>', '</script><script>window.__pwned=2</script>', `"quoted" & 'single'`, '`backtick` ${x}', '<svg onload=window.__pwned=3>']) {
      expect(text).toContain(name);
    }
    expect(text).toContain(analysis.tables.find((table) => table.shared)!.name);
    expect(text).toContain(analysis.findings[0]!.message);
    expect(text).toContain(analysis.diagnostics[1]!.message);
    expect(await getTraps(report.page)).toEqual({ pwned: [], violations: [], markup: 0, scripts: 2 });
    expect(report.dialogs).toEqual([]);
    expect(report.errors).toEqual([]);
    await report.page.evaluate(() => {
      location.hash = '#/findings';
    });
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-findings.png') });
    await report.page.close();
  });
});
