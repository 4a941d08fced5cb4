import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { toAnalysisOptions } from '../../src/config/to-analysis-options.js';
import { getFixturePath } from '../helpers/fixture-path.js';
import { runCli } from '../helpers/run-cli.js';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-config-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('loading the configuration', () => {
  it('reads seams.config.json at the analysed root and drops "//" comment keys', () => {
    const loaded = loadConfig(getFixturePath('config', 'pins-and-groups'));
    expect(loaded).toEqual({
      config: {
        $schema: './node_modules/seams/schema/seams.config.schema.json',
        pins: { 'src/billing/**': 'payments' },
        groups: [['src/orders/**', 'src/shipping/**']],
      },
      source: 'seams.config.json',
      warnings: [],
    });
    expect(toAnalysisOptions(loaded.config)).toEqual({
      pins: { 'src/billing/**': 'payments' },
      groups: [['src/orders/**', 'src/shipping/**']],
    });
  });

  it('falls back to the "seams" key of package.json', () => {
    const loaded = loadConfig(getFixturePath('config', 'package-json-key'));
    expect(loaded.source).toBe('package.json#seams');
    expect(toAnalysisOptions(loaded.config)).toEqual({ seed: 7, resolution: 1.5, exclude: ['src/legacy/**'], weights: { type: 0.1 } });
  });

  it('lets flags override the config file', async () => {
    const result = await runCli(['analyze', getFixturePath('config', 'package-json-key'), '--json', '--out', out, '--resolution', '1.2']);
    expect(result.exitCode).toBe(0);
    const analysis = JSON.parse(result.stdout);
    expect(analysis.options).toMatchObject({ seed: 7, resolution: 1.2, exclude: ['src/legacy/**'] });
    expect(analysis.options.weights).toMatchObject({ type: 0.1, import: 1 });
    expect(analysis.files.map((file: { path: string }) => file.path)).not.toContain('src/legacy/old-orders.js');
  });
});

describe('an invalid configuration', () => {
  it('stops with one line naming the file, the key and the problem, and exit code 2', async () => {
    const result = await runCli(['analyze', getFixturePath('config', 'invalid-pin'), '--out', out]);
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'seams: seams.config.json: pins."src/billing/**": expected a string, got number\n',
    });
  });

  it('names a misspelt key as unknown', async () => {
    const result = await runCli(['analyze', getFixturePath('config', 'unknown-key'), '--out', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('seams: seams.config.json: weights.imprt: unknown key\n');
  });

  it('reports JSON that does not parse, comments included', async () => {
    const result = await runCli(['analyze', getFixturePath('config', 'invalid-json'), '--out', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^seams: seams\.config\.json: invalid JSON: .+\n$/);
  });

  it('reports a --config file that does not exist', async () => {
    const result = await runCli(['analyze', getFixturePath('config', 'pins-and-groups'), '--config', 'no-such-config.json', '--out', out]);
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'seams: config file not found: no-such-config.json\n' });
  });
});

describe('JavaScript configuration', () => {
  const fixture = getFixturePath('config', 'javascript-config');
  const marker = path.join(fixture, 'EXECUTED');

  it('is never executed: seams warns and analyses with the defaults', async () => {
    const result = await runCli(['analyze', fixture, '--json', '--out', out]);
    expect(result.exitCode).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
    expect(result.stderr).toContain(
      'seams: seams.config.js ignored: seams reads JSON config only (seams.config.json or a "seams" key in package.json)\n',
    );
    expect(JSON.parse(result.stdout).options.seed).toBe(42);
  });

  it('is refused when named with --config', async () => {
    const result = await runCli(['analyze', fixture, '--config', path.join(fixture, 'seams.config.js'), '--out', out]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/seams reads JSON config only and never runs JavaScript; use seams\.config\.json\n$/);
    expect(fs.existsSync(marker)).toBe(false);
  });
});
