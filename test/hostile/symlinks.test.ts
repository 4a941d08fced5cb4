import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnalyzeRun, analyzeWithCli, copyFixture, getEdgePairs, getFilePaths, writeFile } from './helpers/temp-project.js';

const MARKER = 'OUTSIDE-ROOT-6f1d2c';
let root: string;
let run: AnalyzeRun;

beforeAll(async () => {
  root = copyFixture('symlinks');
  const outside = path.join(path.dirname(root), 'outside-root');
  writeFile(outside, 'vendor/mailer.ts', `export async function sendWelcomeMail(to: string) {\n  return '${MARKER}' + to;\n}\n`);
  writeFile(outside, 'secrets.ts', `export const getSigningKey = () => '${MARKER}';\n`);
  const link = (target: string, name: string) => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.symlinkSync(target, path.join(root, name));
  };
  link('../../outside-root/vendor', 'src/vendor');
  link('../../../outside-root/secrets.ts', 'src/config/secrets.ts');
  link('/etc', 'src/system');
  link('.', 'src/loops/here');
  link('..', 'src/loops/up');
  link('pong', 'src/loops/ping');
  link('ping', 'src/loops/pong');
  link('does-not-exist.ts', 'src/loops/gone.ts');
  link('shared', 'src/shared-alias');
  run = await analyzeWithCli(root);
});

describe('symbolic links', () => {
  it('are never followed out of the root, and loops end', () => {
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(getFilePaths(run.analysis)).toEqual(['src/accounts/account-service.ts', 'src/shared/crypto.ts', 'src/shared/ids.ts']);
    expect(JSON.stringify(run.analysis)).not.toContain(MARKER);
    expect(run.stdout).not.toContain(MARKER);
  });

  it('that lead outside or nowhere are each one info diagnostic', () => {
    const skipped = run.analysis!.diagnostics.filter((diagnostic) => diagnostic.code === 'symlink-skipped');
    expect(skipped.map((diagnostic) => `${diagnostic.severity} ${diagnostic.file}`)).toEqual([
      'info src/config/secrets.ts',
      'info src/loops/gone.ts',
      'info src/loops/ping',
      'info src/loops/pong',
      'info src/system',
      'info src/vendor',
    ]);
  });

  it('inside the root list a folder once, under its real name', () => {
    // src/shared-alias → shared: the files are listed as src/shared/*, so the import through
    // the real name is an edge; the import through the link's name resolves to a path that is
    // not listed and, like imports through links that leave the root, adds no edge.
    expect(getEdgePairs(run.analysis).sort()).toEqual(['src/accounts/account-service.ts -> src/shared/crypto.ts']);
    expect(run.analysis!.diagnostics.filter((diagnostic) => diagnostic.code !== 'symlink-skipped')).toEqual([]);
  });
});
