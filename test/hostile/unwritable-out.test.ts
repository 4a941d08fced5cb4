import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFixturePath } from '../helpers/fixture-path.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempDirectory } from './helpers/temp-project.js';

const PROJECT = getFixturePath('hostile', 'single-file');

/**
 * Tests run as root in CI, where a chmod'ed folder does not stop a write; what fails for root
 * too is a folder under a regular file, a file system that refuses new entries (/proc), and a
 * folder standing where the report file should go.
 */
describe('an --out folder that cannot be written', () => {
  it('under a regular file is one clear line and exit code 2', async () => {
    const file = path.join(createTempDirectory('out-under-file'), 'report.txt');
    fs.writeFileSync(file, 'not a folder\n');
    const out = path.join(file, 'reports');
    const result = await runCli(['analyze', PROJECT, '--out', out]);

    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `seams: cannot create output folder ${out}: a parent is a file, not a folder (ENOTDIR)\n`,
    });
  });

  it('that is itself a regular file is one clear line and exit code 2', async () => {
    const out = path.join(createTempDirectory('out-is-file'), 'reports');
    fs.writeFileSync(out, 'not a folder\n');
    const result = await runCli(['analyze', PROJECT, '--out', out]);

    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `seams: cannot create output folder ${out}: a file is in the way (EEXIST)\n`,
    });
  });

  it('under /proc fails at once instead of spinning in mkdir (Node loops there with recursive: true)', async () => {
    const result = await runCli(['analyze', PROJECT, '--out', '/proc/seams-reports']);

    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'seams: cannot create output folder /proc/seams-reports: the folder cannot be created there (ENOENT)\n',
    });
  });

  it('with a folder where the report file goes is one clear line, exit code 2, and no stray temp file', async () => {
    const out = path.join(createTempDirectory('out-blocked'), 'reports');
    fs.mkdirSync(path.join(out, 'seams.json'), { recursive: true });
    const result = await runCli(['analyze', PROJECT, '--out', out]);

    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^seams: cannot write .*seams\.json: a folder is in the way \(EISDIR\)\n$/);
    expect(fs.readdirSync(out)).toEqual(['seams.json']);
  });
});
