import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixture-path.js';

const BROWSER = path.join(REPO_ROOT, 'src', 'report', 'html', 'browser');

function listSources(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? listSources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the report’s browser code', () => {
  it('type-checks against the DOM with its own tsconfig', () => {
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', path.join(BROWSER, 'tsconfig.json')], { cwd: REPO_ROOT, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it('never hands a string to an API that parses markup or code', () => {
    const offenders = listSources(BROWSER).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|\beval\(|new Function\(|srcdoc/.test(line)
            ? [`${path.relative(REPO_ROOT, file)}:${index + 1}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});
