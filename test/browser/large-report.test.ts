import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixture-path.js';
import { createSyntheticAnalysis } from '../report/create-synthetic-analysis.js';
import { type ChromiumSession, launchChromium, SKIP_BROWSER_TESTS } from './launch-chromium.js';
import { measureReport } from './measure-report.js';

/**
 * The page must stay usable at the size the issue names (20k files): this renders a synthetic
 * 20k-file analysis, records size and timings in reports/html-benchmark.json, and fails only when
 * they are far beyond what a laptop gives (the limits are loose; the numbers are the record).
 */
describe.skipIf(SKIP_BROWSER_TESTS)('the HTML report of a 20,000-file analysis', () => {
  let chromium: ChromiumSession;
  let directory: string;

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-large-html-'));
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('stays a file a browser opens quickly and draws every graph level without errors', async () => {
    const analysis = createSyntheticAnalysis({ files: 20_000, services: 30 });
    const measurement = await measureReport(chromium.context, analysis, path.join(directory, 'large.html'));
    fs.mkdirSync(path.join(REPO_ROOT, 'reports'), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, 'reports', 'html-benchmark.json'), `${JSON.stringify(measurement, null, 2)}\n`);
    console.log(`HTML report, 20k files: ${JSON.stringify(measurement)}`);
    expect(measurement.errors).toEqual([]);
    expect(measurement.layoutMs).toBeLessThan(20_000);
    expect(measurement.htmlBytes).toBeLessThan(40_000_000);
    expect(measurement.firstRenderMs).toBeLessThan(15_000);
    expect(measurement.allFilesGraphMs).toBeLessThan(30_000);
  });
});
