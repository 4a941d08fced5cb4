import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFixturePath } from '../helpers/fixture-path.js';
import { analyzeWithCli, copyFixture, writeFile } from './helpers/temp-project.js';

/** A copy of the fixture with its seams.config.json replaced (or removed) and files added. */
function copyWith(files: Record<string, string | null>): string {
  const root = copyFixture('invalid-config');
  for (const [relative, content] of Object.entries(files)) {
    if (content === null) fs.rmSync(path.join(root, relative));
    else writeFile(root, relative, content);
  }
  return root;
}

describe('an invalid seams config', () => {
  it('stops the run with one line naming the file, the key and the problem, exit code 2', async () => {
    const run = await analyzeWithCli(getFixturePath('hostile', 'invalid-config'));

    expect(run).toMatchObject({
      exitCode: 2,
      stdout: '',
      stderr: 'seams: seams.config.json: minServiceSize: expected a number, got string\n',
      analysis: null,
    });
    expect(fs.existsSync(run.out)).toBe(false);
  });

  it.each([
    ['not valid JSON', { 'seams.config.json': '{\n  "seed": 7,\n}\n' }, /^seams: seams\.config\.json: invalid JSON: Expected double-quoted property name in JSON at position 15\b.*\n$/],
    ['an unknown key', { 'seams.config.json': '{ "maxFilesize": 2000000 }\n' }, /^seams: seams\.config\.json: maxFilesize: unknown key\n$/],
    [
      'a wrong type deep inside pins',
      { 'seams.config.json': '{ "pins": { "src/billing/**": 42 } }\n' },
      /^seams: seams\.config\.json: pins\."src\/billing\/\*\*": expected a string, got number\n$/,
    ],
    [
      'a bad "seams" key in package.json',
      {
        'seams.config.json': null,
        'package.json': '{ "name": "subscriptions", "seams": { "seeds": 0 } }\n',
      },
      /^seams: package\.json: seams\.seeds: Too small: expected number to be >=1\n$/,
    ],
    ['a config that is an array', { 'seams.config.json': '[]\n' }, /^seams: seams\.config\.json: \(top level\): expected an object, got an array\n$/],
  ])('with %s is one line and exit code 2', async (_, files, stderr) => {
    const run = await analyzeWithCli(copyWith(files));

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stdout).toBe('');
    expect(run.analysis).toBeNull();
  });
});
