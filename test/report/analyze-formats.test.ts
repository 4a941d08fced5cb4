import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getFixturePath } from '../helpers/fixture-path.js';
import { runCli } from '../helpers/run-cli.js';

const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-formats-'));
afterAll(() => fs.rmSync(outRoot, { recursive: true, force: true }));
const fixture = getFixturePath('monoliths', 'nestjs-typeorm');

describe('seams analyze --format', () => {
  it('writes seams.json and seams.html by default', async () => {
    const out = path.join(outRoot, 'default');
    const result = await runCli(['analyze', fixture, '--out', out, '--no-workers']);
    expect(result.exitCode).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['seams.html', 'seams.json']);
    expect(fs.readFileSync(path.join(out, 'seams.html'), 'utf8')).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(result.stdout).toContain(`Reports: ${path.relative(process.cwd(), path.join(out, 'seams.json'))}, ${path.relative(process.cwd(), path.join(out, 'seams.html'))}`);
  });

  it('writes exactly the formats asked for, with --detail drawing one service’s files', async () => {
    const out = path.join(outRoot, 'chosen');
    const result = await runCli(['analyze', fixture, '--out', out, '--no-workers', '--format', 'dot, mermaid,sarif,dot', '--detail', 'ordering']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['seams.dot', 'seams.mmd', 'seams.sarif']);
    expect(fs.readFileSync(path.join(out, 'seams.dot'), 'utf8')).toContain('subgraph cluster_0 {\n    label="ordering";');
    expect(fs.readFileSync(path.join(out, 'seams.mmd'), 'utf8')).toContain('subgraph g0["ordering"]');
  });

  it.each([
    [['--format', 'pdf'], 'seams: --format: unknown format "pdf" (choose from json, html, md, sarif, dot, mermaid)'],
    [['--format', 'md'], 'seams: --format md: the Markdown report compares two analyses; `seams check` writes it'],
    [['--format', 'dot', '--detail', 'warehouse'], 'seams: --detail: no candidate service "warehouse"'],
    [['--format', 'json', '--detail', 'ordering'], 'seams: --detail applies to --format dot or mermaid'],
  ])('refuses %j with a one-line error and exit code 2, writing nothing', async (flags, message) => {
    const out = path.join(outRoot, `refused-${flags.join('-')}`);
    const result = await runCli(['analyze', fixture, '--out', out, '--no-workers', ...flags]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  });
});
