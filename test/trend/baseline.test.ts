import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBaseline, readBaseline, renderBaseline } from '../../src/trend/baseline.js';
import { createAnalysis, createFinding } from './helpers/create-analysis.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-baseline-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

const sharedCustomers = createFinding({ id: 'a1b2c3d4e5f60718', kind: 'shared-table', message: 'Table customers is written by 2 services (cart and payments)' });
const hub = createFinding({ id: '99887766554433aa', kind: 'hub-module', severity: 'low', message: 'src/lib/money.ts is used by 4 services', services: ['cart', 'payments'] });

function writeFile(name: string, text: string): string {
  const root = fs.mkdtempSync(path.join(temporary, `${name}-`));
  fs.writeFileSync(path.join(root, 'seams-baseline.json'), text);
  return root;
}

describe('createBaseline', () => {
  it('stores metrics, findings (id, kind, severity, message, services) and counts, with no line numbers or timestamps', () => {
    const { baseline } = createBaseline(createAnalysis({ findings: [sharedCustomers] }), 'd3310ac968d2', null, false);
    expect(baseline).toEqual({
      schemaVersion: 1,
      tool: { name: 'seams', version: '0.1.0' },
      configHash: 'd3310ac968d2',
      metrics: { modularity: 0.5, sm: 0.25, icp: 0.1, ifn: 0.5, ned: 1, mq: 2.5, crossServiceEdges: 20, sharedTables: 1, crossServiceTransactions: 0 },
      findings: [
        {
          id: 'a1b2c3d4e5f60718',
          kind: 'shared-table',
          severity: 'high',
          message: 'Table customers is written by 2 services (cart and payments)',
          services: ['cart', 'payments'],
        },
      ],
      counts: { 'shared-table': 1 },
      sharedTables: ['customers'],
      dependencies: [{ from: 'cart', to: 'payments', edges: 20 }],
      summary: { files: 40, services: 2 },
    });
  });

  it('renders the same bytes for the same analysis, keys sorted', () => {
    const first = renderBaseline(createBaseline(createAnalysis({ findings: [hub, sharedCustomers] }), 'abc', null, false).baseline);
    const second = renderBaseline(createBaseline(createAnalysis({ findings: [sharedCustomers, hub] }), 'abc', null, false).baseline);
    expect(second).toBe(first);
    expect(Object.keys(JSON.parse(first))).toEqual(['configHash', 'counts', 'dependencies', 'findings', 'metrics', 'schemaVersion', 'sharedTables', 'summary', 'tool']);
  });

  it('keeps entries that no longer reproduce on refresh, and drops them with prune', () => {
    const previous = createBaseline(createAnalysis({ findings: [sharedCustomers, hub] }), 'abc', null, false).baseline;
    const refreshed = createBaseline(createAnalysis({ findings: [sharedCustomers] }), 'abc', previous, false);
    expect(refreshed.baseline.findings.map((finding) => finding.id)).toEqual(['99887766554433aa', 'a1b2c3d4e5f60718']);
    expect(refreshed.kept.map((finding) => finding.id)).toEqual(['99887766554433aa']);
    expect(refreshed.added).toEqual([]);
    const pruned = createBaseline(createAnalysis({ findings: [sharedCustomers] }), 'abc', previous, true);
    expect(pruned.baseline.findings.map((finding) => finding.id)).toEqual(['a1b2c3d4e5f60718']);
    expect(pruned.pruned.map((finding) => finding.id)).toEqual(['99887766554433aa']);
  });
});

describe('readBaseline', () => {
  it('reads back what was written', () => {
    const { baseline } = createBaseline(createAnalysis({ findings: [sharedCustomers] }), 'abc', null, false);
    expect(readBaseline(writeFile('round-trip', renderBaseline(baseline)))).toEqual(baseline);
  });

  it('returns null when there is no baseline', () => {
    expect(readBaseline(fs.mkdtempSync(path.join(temporary, 'empty-')))).toBeNull();
  });

  it('names the file and the problem when the baseline is not JSON', () => {
    expect(() => readBaseline(writeFile('broken', '{ "schemaVersion": 1, '))).toThrow(/^seams-baseline\.json: invalid JSON: .*; rewrite it with `seams baseline`$/);
  });

  it('names the field that is wrong', () => {
    const { baseline } = createBaseline(createAnalysis(), 'abc', null, false);
    const text = JSON.stringify({ ...baseline, findings: [{ id: 7 }] });
    expect(() => readBaseline(writeFile('wrong-shape', text))).toThrow(/^seams-baseline\.json: findings\.0\.id: .*rewrite it with `seams baseline`$/);
  });

  it('refuses a baseline written by a newer seams', () => {
    expect(() => readBaseline(writeFile('newer', JSON.stringify({ schemaVersion: 2 })))).toThrow(
      'seams-baseline.json: written by a newer seams (baseline schemaVersion 2); upgrade seams',
    );
  });
});
