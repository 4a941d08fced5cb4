import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { getFixturePath } from '../helpers/fixture-path.js';
import { runCli } from '../helpers/run-cli.js';

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-trend-html-'));
afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

describe('the HTML report of a project with recorded history', () => {
  it('carries the history as trend points, while the JSON stays free of it', async () => {
    const root = path.join(workspace, 'project');
    fs.cpSync(getFixturePath('imports', 'circular'), root, { recursive: true });
    const analysis = await analyze({ root });
    const record = (sha: string, date: string, modularity: number) => ({
      schemaVersion: 1,
      sha,
      date,
      toolVersion: analysis.tool.version,
      configHash: 'c0ffee',
      metrics: { ...analysis.metrics, modularity },
      findings: {},
      severities: { high: 0, medium: 0, low: 0, info: 0 },
      summary: { files: 1, services: 1, sharedKernel: 0, unassigned: 0, edges: 1, tables: 0 },
      services: [],
    });
    fs.mkdirSync(path.join(root, '.seams'));
    fs.writeFileSync(
      path.join(root, '.seams', 'history.jsonl'),
      `${JSON.stringify(record('a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2', '2026-01-05T10:00:00Z', 0.41))}\n${JSON.stringify(record('f6e5d4c3b2a1f6e5d4c3b2a1f6e5d4c3b2a1f6e5', '2026-02-05T10:00:00Z', 0.47))}\n`,
    );
    const out = path.join(workspace, 'reports');
    const result = await runCli(['analyze', root, '--format', 'json,html', '--out', out]);
    expect(result.exitCode).toBe(0);
    const html = fs.readFileSync(path.join(out, 'seams.html'), 'utf8');
    expect(html).toContain('f6e5d4c3b2a1f6e5d4c3b2a1f6e5d4c3b2a1f6e5');
    expect(html).toContain('"trend"');
    expect(fs.readFileSync(path.join(out, 'seams.json'), 'utf8')).not.toContain('"trend"');
  });
});
