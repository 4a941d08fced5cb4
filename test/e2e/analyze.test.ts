import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getFixturePath } from '../helpers/fixture-path.js';
import { BUILT_CLI, runBuiltCli } from '../helpers/run-built-cli.js';
import { getSchemaErrors } from '../helpers/validate-analysis.js';

const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-e2e-'));
afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));

const fixtures = [
  ['monoliths', 'nestjs-typeorm'],
  ['monoliths', 'express-layered'],
  ['monoliths', 'fastify-plugins'],
  ['monoliths', 'nestjs-layered'],
  ['workspaces', 'alias-per-package'],
  ...fs.readdirSync(getFixturePath('imports')).map((name) => ['imports', name]),
  ...(fs.existsSync(getFixturePath('data'))
    ? fs
        .readdirSync(getFixturePath('data'))
        .flatMap((orm) =>
          fs.statSync(getFixturePath('data', orm)).isDirectory() && fs.existsSync(getFixturePath('data', orm, 'basic'))
            ? [['data', orm, 'basic']]
            : [],
        )
    : []),
];

describe('seams analyze, run as a user runs it', () => {
  it.each(fixtures)('writes a report for fixtures/%s/%s that validates against the schema', (...segments) => {
    const out = path.join(outRoot, segments.join('-'));
    const result = runBuiltCli(['analyze', getFixturePath(...segments), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Candidate services');
    const analysis = JSON.parse(fs.readFileSync(path.join(out, 'seams.json'), 'utf8'));
    expect(getSchemaErrors(analysis)).toEqual([]);
  });

  it('gives byte-identical JSON for the same input and seed', () => {
    const first = runBuiltCli(['analyze', getFixturePath('monoliths', 'nestjs-typeorm'), '--json', '--out', path.join(outRoot, 'a')]);
    const second = runBuiltCli(['analyze', getFixturePath('monoliths', 'nestjs-typeorm'), '--json', '--out', path.join(outRoot, 'b')]);
    expect(first.exitCode).toBe(0);
    expect(first.stdout.length).toBeGreaterThan(1000);
    expect(second.stdout).toBe(first.stdout);
  });

  it('gives the same JSON whether files are read on worker threads or on one thread', async () => {
    // Helper threads start by default from 8,000 files; --threads asks for one on fewer.
    const root = path.join(outRoot, 'synthetic-1300');
    // @ts-expect-error the generator is a plain .mjs script without types
    const { generateSyntheticMonolith } = await import('../../scripts/generate-synthetic-monolith.mjs');
    generateSyntheticMonolith(root, 1300);
    const threaded = runBuiltCli(['analyze', root, '--json', '--threads', '2', '--out', path.join(outRoot, 'c')]);
    const single = runBuiltCli(['analyze', root, '--json', '--no-workers', '--out', path.join(outRoot, 'd')]);
    expect(threaded.exitCode).toBe(0);
    expect(JSON.parse(threaded.stdout).files.length).toBeGreaterThan(1000);
    expect(single.stdout).toBe(threaded.stdout);
  });

  it('says in one line that a missing path is missing, with exit code 2', () => {
    const result = runBuiltCli(['analyze', 'no/such/folder', '--out', path.join(outRoot, 'e')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('seams: path not found: no/such/folder\n');
  });

  it('rejects a bad option value with exit code 2', () => {
    const result = runBuiltCli(['analyze', '.', '--seeds', 'many']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--seeds must be a whole number');
  });

  it('says in one line that an unreadable --tsconfig is missing, with exit code 2', () => {
    const result = runBuiltCli(['analyze', getFixturePath('imports', 'circular'), '--tsconfig', 'nope.json']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('seams: tsconfig not found: nope.json\n');
  });
});

describe('seams analyze piped into a reader that stops early', () => {
  it('exits quietly when the pipe closes (`seams analyze | head -1`)', () => {
    const result = spawnSync('bash', ['-c', `node "${BUILT_CLI}" analyze "${getFixturePath('monoliths', 'nestjs-typeorm')}" --format json --out "${path.join(outRoot, 'pipe')}" | head -1; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^seams: nestjs-typeorm/);
  });
});
