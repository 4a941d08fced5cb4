import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixture-path.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-code-cache-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const BUILT_TYPESCRIPT = path.join(REPO_ROOT, 'dist', 'util', 'typescript.cjs');
/** Loads TypeScript as the analysis does, parses a line, and says whether it is the compiler ts-morph exports. */
const PROBE = `
const ts = require(${JSON.stringify(BUILT_TYPESCRIPT)});
const file = ts.createSourceFile('a.ts', 'import { b } from "./b";', ts.ScriptTarget.Latest, true);
const sameInstance = require(require.resolve('ts-morph', { paths: [${JSON.stringify(REPO_ROOT)}] })).ts.createSourceFile === ts.createSourceFile;
console.log(JSON.stringify({ statements: file.statements.length, sameInstance }));
`;

function loadTypeScript(cacheSetting: string): { statements: number; sameInstance: boolean } {
  const result = spawnSync(process.execPath, ['-e', PROBE], { encoding: 'utf8', env: { ...process.env, SEAMS_CODE_CACHE: cacheSetting } });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

function listCacheFiles(directory: string): string[] {
  return fs.existsSync(directory) ? fs.readdirSync(directory).filter((name) => name.endsWith('.v8cache')) : [];
}

describe('TypeScript loaded with a V8 code cache', () => {
  it('writes the cache on first use into a folder only this user can read, and loads from it after', () => {
    const directory = path.join(scratch, 'private');
    expect(loadTypeScript(directory)).toEqual({ statements: 1, sameInstance: true });
    const [cacheFile] = listCacheFiles(directory);
    expect(cacheFile).toMatch(/^typescript-[0-9a-f]{16}\.v8cache$/);
    expect(fs.statSync(directory).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(directory, cacheFile!)).mode & 0o777).toBe(0o600);
    const written = fs.readFileSync(path.join(directory, cacheFile!));
    expect(loadTypeScript(directory)).toEqual({ statements: 1, sameInstance: true });
    expect(fs.readFileSync(path.join(directory, cacheFile!)).equals(written)).toBe(true);
  });

  it('replaces a cache that V8 rejects, and still loads TypeScript', () => {
    const directory = path.join(scratch, 'corrupt');
    loadTypeScript(directory);
    const cacheFile = path.join(directory, listCacheFiles(directory)[0]!);
    fs.writeFileSync(cacheFile, 'not a code cache');
    expect(loadTypeScript(directory)).toEqual({ statements: 1, sameInstance: true });
    expect(fs.statSync(cacheFile).size).toBeGreaterThan(100_000);
  });

  it('removes caches of other versions written over a month ago when it writes its own', () => {
    const directory = path.join(scratch, 'stale');
    fs.mkdirSync(directory, { mode: 0o700 });
    const stale = path.join(directory, 'typescript-00000000000000aa.v8cache');
    const recent = path.join(directory, 'typescript-00000000000000bb.v8cache');
    const unrelated = path.join(directory, 'notes.txt');
    for (const file of [stale, recent, unrelated]) fs.writeFileSync(file, 'x', { mode: 0o600 });
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    fs.utimesSync(stale, longAgo, longAgo);
    fs.utimesSync(unrelated, longAgo, longAgo);
    expect(loadTypeScript(directory)).toEqual({ statements: 1, sameInstance: true });
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
    expect(fs.existsSync(unrelated)).toBe(true);
    expect(listCacheFiles(directory)).toHaveLength(2);
  });

  it('neither reads nor writes a cache in a folder that others can write to', () => {
    const directory = path.join(scratch, 'shared');
    fs.mkdirSync(directory, { mode: 0o777 });
    fs.chmodSync(directory, 0o777);
    expect(loadTypeScript(directory)).toEqual({ statements: 1, sameInstance: true });
    expect(listCacheFiles(directory)).toEqual([]);
  });

  it('can be switched off', () => {
    expect(loadTypeScript('off')).toEqual({ statements: 1, sameInstance: true });
  });
});
