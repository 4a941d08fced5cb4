/// <reference lib="dom" />
// Code passed to page.evaluate runs in the page, so these files see the DOM types too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import type { Analysis } from '../../src/types.js';
import { compareStrings } from '../../src/util/sort.js';
import { getFixturePath, REPO_ROOT } from '../helpers/fixture-path.js';
import { createSyntheticAnalysis } from '../report/create-synthetic-analysis.js';
import { type ChromiumSession, launchChromium, SKIP_BROWSER_TESTS } from './launch-chromium.js';
import { countInkPixels, openReport } from './open-report.js';

/** The hook the page exposes for automation (declared in src/report/html/browser/main.ts). */
type ReportWindow = { seamsReport?: { locate(name: string): { x: number; y: number } | null; getFocusedName(): string | null } };

const SCREENSHOTS = path.join(REPO_ROOT, 'reports', 'screenshots');
const GRAPH_BACKGROUND: [number, number, number] = [0xfc, 0xfd, 0xfe];

describe.skipIf(SKIP_BROWSER_TESTS)('the HTML report in Chromium', () => {
  let chromium: ChromiumSession;
  let directory: string;
  const files: Record<'nest' | 'sample' | 'empty', string> = { nest: '', sample: '', empty: '' };
  let nest: Analysis;

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-html-'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    nest = await analyze({ root: getFixturePath('monoliths', 'nestjs-typeorm'), workers: false });
    files.nest = path.join(directory, 'nest.html');
    fs.writeFileSync(files.nest, renderHtml(nest));
    files.sample = path.join(directory, 'sample.html');
    fs.writeFileSync(files.sample, renderHtml(createSyntheticAnalysis({ files: 400, services: 7, trend: 16 })));
    const empty = createSyntheticAnalysis({ files: 10, services: 1 });
    Object.assign(empty, { files: [], services: [], tables: [], edges: [], dependencies: [], dataAccesses: [], findings: [], sharedKernel: [], unassigned: [], diagnostics: [], extractionOrder: [] });
    files.empty = path.join(directory, 'empty.html');
    fs.writeFileSync(files.empty, renderHtml(empty));
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('opens the overview with no console error and no request but the file itself', async () => {
    const report = await openReport(chromium.context, files.nest);
    expect(await report.page.locator('h1').first().textContent()).toBe('nestjs-typeorm');
    expect(await report.page.locator('.overview table.data').first().locator('tbody tr').count()).toBe(nest.services.length);
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'overview.png'), fullPage: true });
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([report.url]);
    await report.page.close();
  });

  it('draws the service graph on the WebGL canvas', async () => {
    const report = await openReport(chromium.context, files.nest, '#/graph');
    await report.page.waitForSelector('[data-testid="graph-canvas"][data-rendered="true"]');
    await report.page.waitForTimeout(300);
    const png = await report.page.locator('[data-testid="graph-canvas"]').screenshot();
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'graph-services.png') });
    const blank = await chromium.context.newPage();
    expect(await countInkPixels(blank, png, GRAPH_BACKGROUND)).toBeGreaterThan(2000);
    await blank.close();
    expect(report.errors).toEqual([]);
    await report.page.close();
  });

  it('shows a service’s files when its node is clicked', async () => {
    const report = await openReport(chromium.context, files.nest, '#/graph');
    await report.page.waitForSelector('[data-testid="graph-canvas"][data-rendered="true"]');
    const service = nest.services.find((candidate) => candidate.files.includes('src/modules/ordering/services/checkout.service.ts'))!;
    const point = await report.page.evaluate((name) => (window as unknown as ReportWindow).seamsReport?.locate(name), service.name);
    expect(point).toBeTruthy();
    const box = (await report.page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    await report.page.mouse.move(box.x + point!.x, box.y + point!.y);
    await report.page.mouse.click(box.x + point!.x, box.y + point!.y);
    await report.page.waitForFunction(() => location.hash.startsWith('#/graph/group/'));
    const listed = await report.page.locator('.group-info .file-item').allTextContents();
    expect(listed).toEqual([...service.files].sort(compareStrings));
    await report.page.waitForTimeout(300);
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'graph-service-files.png') });
    expect(report.errors).toEqual([]);
    await report.page.close();
  });

  it('finds a file by name and focuses it in its service', async () => {
    const report = await openReport(chromium.context, files.nest, '#/graph');
    await report.page.fill('.search-input', 'refund.serv');
    const hits = report.page.locator('.search-hit');
    expect(await hits.first().textContent()).toContain('src/modules/payments/services/refund.service.ts');
    await hits.first().click();
    expect(await report.page.locator('.file-info h3').textContent()).toBe('src/modules/payments/services/refund.service.ts');
    expect(await report.page.evaluate(() => (window as unknown as ReportWindow).seamsReport?.getFocusedName())).toBe('src/modules/payments/services/refund.service.ts');
    await report.page.waitForTimeout(600);
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'graph-search.png') });
    expect(report.errors).toEqual([]);
    await report.page.close();
  });

  it('draws every file in the all-files view', async () => {
    const report = await openReport(chromium.context, files.sample, '#/graph/files');
    await report.page.waitForSelector('[data-testid="graph-canvas"][data-rendered="true"]');
    await report.page.waitForTimeout(300);
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'graph-all-files.png') });
    expect(report.errors).toEqual([]);
    await report.page.close();
  });

  it('filters findings by severity, kind and service', async () => {
    const report = await openReport(chromium.context, files.sample, '#/findings');
    const total = await report.page.locator('li.finding').count();
    expect(total).toBeGreaterThan(5);
    await report.page.selectOption('select[data-filter="severity"]', 'high');
    const severities = await report.page.locator('li.finding').evaluateAll((items) => items.map((item) => item.getAttribute('data-severity')));
    expect(severities.length).toBeGreaterThan(0);
    expect(severities.length).toBeLessThan(total);
    expect(new Set(severities)).toEqual(new Set(['high']));
    await report.page.selectOption('select[data-filter="severity"]', '');
    await report.page.selectOption('select[data-filter="kind"]', 'hub-module');
    expect(await report.page.locator('li.finding').count()).toBe(4);
    await report.page.selectOption('select[data-filter="kind"]', '');
    await report.page.selectOption('select[data-filter="service"]', { label: 'ordering' });
    const services = await report.page.locator('li.finding .finding-services').allTextContents();
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((text) => text.includes('ordering'))).toBe(true);
    await report.page.selectOption('select[data-filter="service"]', '');
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'findings.png'), fullPage: true });
    expect(report.errors).toEqual([]);
    await report.page.close();
  });

  it('opens findings of one severity from the overview', async () => {
    const report = await openReport(chromium.context, files.sample);
    await report.page.click('a.severity-count.medium');
    await report.page.waitForFunction(() => location.hash === '#/findings/medium');
    expect(await report.page.locator('select[data-filter="severity"]').inputValue()).toBe('medium');
    const severities = await report.page.locator('li.finding').evaluateAll((items) => items.map((item) => item.getAttribute('data-severity')));
    expect(new Set(severities)).toEqual(new Set(['medium']));
    await report.page.close();
  });

  it('lists shared tables first in the table matrix', async () => {
    const report = await openReport(chromium.context, files.sample, '#/tables');
    const rows = await report.page.locator('table.matrix tbody tr').evaluateAll((items) => items.map((item) => item.classList.contains('shared')));
    const firstUnshared = rows.indexOf(false);
    expect(firstUnshared).toBeGreaterThan(0);
    expect(rows.slice(firstUnshared).includes(true)).toBe(false);
    await report.page.locator('table.matrix .table-name').first().click();
    expect(await report.page.locator('.table-details').isVisible()).toBe(true);
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'tables.png'), fullPage: true });
    expect(report.errors).toEqual([]);
    await report.page.close();
  });

  it('shows a page per service with its files, tables, API surface and dependencies', async () => {
    const report = await openReport(chromium.context, files.nest);
    const service = nest.services.find((candidate) => candidate.files.includes('src/modules/payments/services/refund.service.ts'))!;
    await report.page.locator('.overview a.service-link', { hasText: new RegExp(`^${service.name}$`) }).first().click();
    await report.page.waitForSelector('.service-page');
    expect(await report.page.locator('.service-page h1').textContent()).toBe(service.name);
    const text = await report.page.locator('.service-page').textContent();
    expect(text).toContain('Depends on');
    expect(text).toContain('Depended on by');
    expect(text).toContain('API surface');
    expect(text).toContain('src/modules/payments/services/refund.service.ts');
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'service-page.png'), fullPage: true });
    expect(report.errors).toEqual([]);
    await report.page.close();
  });

  it('draws a chart per metric when the analysis carries history', async () => {
    const report = await openReport(chromium.context, files.sample, '#/trend');
    await report.page.waitForFunction(() => document.querySelectorAll('figure.chart canvas').length === 4);
    await report.page.screenshot({ path: path.join(SCREENSHOTS, 'trend.png'), fullPage: true });
    expect(report.errors).toEqual([]);
    await report.page.close();
  });

  it('opens the report of a project with nothing in it on every view', async () => {
    const report = await openReport(chromium.context, files.empty);
    for (const hash of ['#/graph', '#/graph/files', '#/tables', '#/findings', '#/trend', '#/service/0']) {
      await report.page.evaluate((target) => {
        location.hash = target;
      }, hash);
      await report.page.waitForFunction((target) => location.hash === target, hash);
    }
    expect(await report.page.locator('main').textContent()).toContain('No such service');
    expect(report.errors).toEqual([]);
    await report.page.close();
  });
});
