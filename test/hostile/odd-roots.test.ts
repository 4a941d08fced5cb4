import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFixturePath } from '../helpers/fixture-path.js';
import { runCli } from '../helpers/run-cli.js';
import { analyzeWithCli, createTempDirectory, getFilePaths, writeFile } from './helpers/temp-project.js';

const NO_SOURCE_FILES = {
  code: 'no-source-files',
  severity: 'warning',
  message:
    'no source files to analyse (looked for .ts .tsx .mts .cts .js .jsx .mjs .cjs; tests, .d.ts, dependency, build, gitignored and excluded paths are skipped)',
};

describe('odd things to analyse', () => {
  it('an empty folder gives an empty analysis and one warning, exit code 0', async () => {
    const run = await analyzeWithCli(createTempDirectory('empty'));

    expect(run.exitCode).toBe(0);
    expect(run.analysis!.files).toEqual([]);
    expect(run.analysis!.services).toEqual([]);
    expect(run.analysis!.diagnostics).toEqual([NO_SOURCE_FILES]);
    expect(run.stdout).toContain('0 files, 0 candidate services');
  });

  it('a folder with no TypeScript or JavaScript gives the same', async () => {
    const run = await analyzeWithCli(getFixturePath('hostile', 'no-typescript'));

    expect(run.exitCode).toBe(0);
    expect(run.analysis!.files).toEqual([]);
    expect(run.analysis!.diagnostics).toEqual([NO_SOURCE_FILES]);
  });

  it('a published package with its code only in dist/ says where the code is', async () => {
    const root = createTempDirectory('published');
    writeFile(root, 'package.json', '{ "name": "published", "main": "dist/index.js" }');
    writeFile(root, 'dist/index.js', "exports.orders = require('./orders');\n");
    writeFile(root, 'dist/orders.js', 'exports.list = () => [];\n');

    const run = await analyzeWithCli(root);

    expect(run.exitCode).toBe(0);
    expect(run.analysis!.files).toEqual([]);
    const hint = 'dist/ was skipped as build output, analyse it directly to read the compiled code';
    expect(run.analysis!.diagnostics).toEqual([{ ...NO_SOURCE_FILES, message: `${NO_SOURCE_FILES.message}; ${hint}` }]);
    expect(run.stdout).toContain(hint);
    const direct = await analyzeWithCli(path.join(root, 'dist'));
    expect(getFilePaths(direct.analysis)).toEqual(['index.js', 'orders.js']);
  });

  it('a folder with a single file analyses that file', async () => {
    const run = await analyzeWithCli(getFixturePath('hostile', 'single-file'));

    expect(run.exitCode).toBe(0);
    expect(run.analysis!.files.map((file) => [file.path, file.role])).toEqual([['server.ts', 'unassigned']]);
    expect(run.analysis!.services).toEqual([]);
    expect(run.analysis!.diagnostics).toEqual([]);
  });

  it('a root that is a file is a usage error in one line, exit code 2', async () => {
    const file = path.join(getFixturePath('hostile', 'single-file'), 'server.ts');
    const result = await runCli(['analyze', file, '--out', path.join(createTempDirectory('file-root'), 'reports')]);

    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: `seams: not a directory: ${file} (give the project folder)\n` });
  });

  it('a missing path is a usage error in one line, exit code 2', async () => {
    const missing = path.join(createTempDirectory('missing'), 'no-such-project');
    const result = await runCli(['analyze', missing, '--out', path.join(createTempDirectory('missing-out'), 'reports')]);

    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: `seams: path not found: ${missing}\n` });
  });
});
