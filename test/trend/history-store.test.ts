import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { createHistoryRecord, type HistoryRecord } from '../../src/trend/history-record.js';
import { readHistory, saveHistoryRecord } from '../../src/trend/history-store.js';
import { REPO_ROOT } from '../helpers/fixture-path.js';
import { createAnalysis } from './helpers/create-analysis.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-history-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

function createRecord(sha: string, date: string, crossServiceEdges = 20, configHash = 'd3310ac968d2'): HistoryRecord {
  return createHistoryRecord(createAnalysis({ metrics: { crossServiceEdges } }), { sha, date }, configHash);
}

function createRoot(name: string): { root: string; file: string } {
  const root = fs.mkdtempSync(path.join(temporary, `${name}-`));
  return { root, file: path.join(root, '.seams', 'history.jsonl') };
}

describe('the history store', () => {
  it('appends one JSON line per commit and reads them back oldest first', async () => {
    const { root, file } = createRoot('append');
    expect(await saveHistoryRecord(file, createRecord('b'.repeat(40), '2024-03-02T09:00:00+01:00'))).toBe('added');
    expect(await saveHistoryRecord(file, createRecord('a'.repeat(40), '2024-03-01T09:00:00+01:00'))).toBe('added');
    expect(fs.readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
    expect(readHistory(root).map((record) => record.sha)).toEqual(['a'.repeat(40), 'b'.repeat(40)]);
  });

  it('replaces the record of the same commit and config, and keeps one per config', async () => {
    const { root, file } = createRoot('replace');
    await saveHistoryRecord(file, createRecord('c'.repeat(40), '2024-03-01T09:00:00Z', 20));
    expect(await saveHistoryRecord(file, createRecord('c'.repeat(40), '2024-03-01T09:00:00Z', 25))).toBe('replaced');
    expect(await saveHistoryRecord(file, createRecord('c'.repeat(40), '2024-03-01T09:00:00Z', 30, 'other-config'))).toBe('added');
    expect(readHistory(root).map((record) => [record.configHash, record.metrics.crossServiceEdges])).toEqual([
      ['d3310ac968d2', 25],
      ['other-config', 30],
    ]);
  });

  it('stores what the trend needs: sha, date, tool version, config hash, metrics, counts per kind, services', () => {
    const record = createRecord('d'.repeat(40), '2024-03-01T09:00:00Z');
    expect(Object.keys(record).sort()).toEqual([
      'configHash',
      'date',
      'findings',
      'metrics',
      'schemaVersion',
      'services',
      'severities',
      'sha',
      'summary',
      'toolVersion',
    ]);
  });

  it('drops a line left half-written by a killed run', async () => {
    const { root, file } = createRoot('partial');
    await saveHistoryRecord(file, createRecord('e'.repeat(40), '2024-03-01T09:00:00Z'));
    fs.appendFileSync(file, '{"schemaVersion":1,"sha":"ffff');
    expect(readHistory(root)).toHaveLength(1);
    await saveHistoryRecord(file, createRecord('f'.repeat(40), '2024-03-02T09:00:00Z'));
    expect(readHistory(root).map((record) => record.sha)).toEqual(['e'.repeat(40), 'f'.repeat(40)]);
    expect(fs.readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('names the file and line of a record it cannot read', () => {
    const { root, file } = createRoot('corrupt');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'not json\n{"sha":"x"}\n');
    expect(() => readHistory(root)).toThrow(`${file}:1: not a JSON line; remove the line or the file`);
  });

  it('returns no records when nothing was recorded', () => {
    expect(readHistory(createRoot('none').root)).toEqual([]);
  });

  it('keeps every record when several processes write at once', async () => {
    const { root, file } = createRoot('concurrent');
    const script = path.join(temporary, 'write-records.mjs');
    const entry = path.join(temporary, 'write-records-entry.ts');
    fs.writeFileSync(
      entry,
      `import { saveHistoryRecord } from ${JSON.stringify(path.join(REPO_ROOT, 'src/trend/history-store.ts'))};
const [file, writer] = process.argv.slice(2);
const base = { schemaVersion: 1, date: '2024-03-01T09:00:00Z', toolVersion: '0.1.0', configHash: 'same', metrics: {}, findings: {}, severities: {}, summary: {}, services: [] };
for (let index = 0; index < 10; index++) {
  await saveHistoryRecord(file, { ...base, sha: 'writer-' + writer + '-' + index });
  await saveHistoryRecord(file, { ...base, sha: 'everyone', toolVersion: writer });
}
`,
    );
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'silent' });
    const writers = Array.from({ length: 6 }, (_, writer) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, [script, file, String(writer)], { stdio: 'inherit' }).on('exit', resolve)),
    );
    expect(await Promise.all(writers)).toEqual([0, 0, 0, 0, 0, 0]);
    const shas = readHistory(root).map((record) => record.sha);
    expect(shas).toHaveLength(61);
    expect(new Set(shas).size).toBe(61);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});
