// TypeScript's 9 MB compiler takes about 0.4 s to compile on every thread that parses, and
// seams runs on one to four threads per command. V8 can keep what it compiled in a code cache;
// Node 22 does that for modules (module.enableCompileCache), Node 20 does not. So ts-morph's
// copy of TypeScript is loaded here as Node's own loader would load it, but compiled with a
// code cache, and registered where ts-morph's require() would find it. It returns null on any
// failure; the caller then takes ts-morph's `ts` the ordinary way, the same module uncached.
import crypto = require('node:crypto');
import fs = require('node:fs');
import Module = require('node:module');
import os = require('node:os');
import path = require('node:path');
import vm = require('node:vm');
import workerThreads = require('node:worker_threads');

/** Set to `off` to load TypeScript without a code cache, or to a folder to keep it there. */
const CACHE_VARIABLE = 'SEAMS_CODE_CACHE';

function preloadTypeScript(): unknown {
  let file: string | null = null;
  try {
    file = require.resolve('@ts-morph/common/dist/typescript.js', { paths: [path.dirname(require.resolve('ts-morph'))] });
    const loaded = require.cache[file];
    if (loaded) return loaded.exports;
    const cacheFile = getCacheFile(file);
    const cached = cacheFile ? readOwnedFile(cacheFile) : undefined;
    const source = fs.readFileSync(file, 'utf8');
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached });
    const module = new Module(file);
    module.filename = file;
    module.paths = [];
    require.cache[file] = module;
    const run = script.runInThisContext() as (...parameters: unknown[]) => void;
    run.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
    module.loaded = true;
    if (cacheFile && (!cached || script.cachedDataRejected)) {
      warmUpParser(module.exports);
      writeAtomically(cacheFile, script.createCachedData());
      removeStaleCaches(path.dirname(cacheFile), cacheFile);
    }
    return module.exports;
  } catch {
    if (file) delete require.cache[file];
    return null;
  }
}

/**
 * Parses a file of the common constructs before the cache is written. V8 compiles a function
 * when it is first called, and a cache written right after loading holds only what ran at load:
 * every run then compiled the parser's functions again. Written after a parse, the cache holds
 * them too (nestjs-typeorm fixture: wall 1.17 -> 1.09 s, mean of 6 alternating runs; 1k: -2%).
 */
function warmUpParser(ts: unknown): void {
  const api = ts as {
    createSourceFile(name: string, text: string, target: number, parents: boolean, kind: number): unknown;
    ScriptTarget: { Latest: number };
    ScriptKind: { TS: number; JS: number };
  };
  try {
    api.createSourceFile('warm-up.ts', WARM_UP_SOURCE, api.ScriptTarget.Latest, true, api.ScriptKind.TS);
    api.createSourceFile('warm-up.js', WARM_UP_SOURCE, api.ScriptTarget.Latest, true, api.ScriptKind.JS);
  } catch {
    // A cache without the parser's functions is only slower.
  }
}

const WARM_UP_SOURCE = `
import fs, { readFileSync as read } from 'node:fs';
import type { Options } from './options';
import * as path from "path";
export { a, b as c } from './x';
export * from './y';
const { z } = require('./z');
export enum Color { Red = 1, Green }
export type Key = keyof Options | (string & {}) | [number, string?];
export interface Port { (x: number): string; readonly [key: string]: unknown }
export namespace Names { export const value = 1; }
@Injectable()
export class Service<T extends object = {}> extends Base implements Port {
  @Inject('TOKEN') private readonly repo!: Repository<T>;
  static count = 0;
  #secret?: string;
  constructor(private readonly db: Db, @Optional() public name = 'x') { super(); }
  async find(id: number, ...rest: unknown[]): Promise<T | undefined> {
    const rows = await this.db.query(\`SELECT * FROM t WHERE id = \${id}\`, [id]);
    for (const row of rows as T[]) { if (row && typeof row === 'object') return row; }
    try { return rows?.[0] ?? (await import('./lazy')).default; } catch (error) { throw new Error(String(error)); } finally { Service.count++; }
  }
  get size(): number { return this.items.length; }
  private items: Array<{ key: string; value?: number }> = [];
}
export default function handler(req: Request, res: Response): void {
  const total = [1, 2, 3].map((n) => n * 2).filter(Boolean).reduce((a, b) => a + b, 0);
  switch (req.method) { case 'GET': res.json({ total, ok: true, ...req.body }); break; default: res.status(405).end(); }
  let i = 0; while (i < 3) { i += 1; } do { i--; } while (i > 0);
  const generate = async function* () { yield* [1]; };
  outer: for (const key in req) { if (key) continue outer; }
  const pattern = /a+b/gi, big = 10n, text = \`a\${i}b\`, negative = -i, choice = i ? 'a' : 'b', checked = {} satisfies object;
  void [generate, pattern, big, text, negative, choice, checked, fs, read, path, z, Color, Names];
}
module.exports = { handler };
`;

/**
 * One file per Node version, architecture and TypeScript build, in a folder only this user can
 * write: V8 trusts the bytes it is given, so a cache someone else could write is not read.
 */
function getCacheFile(file: string): string | null {
  const setting = process.env[CACHE_VARIABLE];
  if (setting === 'off') return null;
  const directory = setting || path.join(os.tmpdir(), `seams-code-cache-${process.getuid?.() ?? 'user'}`);
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  if (!isPrivateToThisUser(directory)) return null;
  // Not keyed by path or mtime: every clone and every `npm ci` would add a 2.4 MB file. The same
  // build of TypeScript is the same package version and size wherever it is installed.
  const key = crypto
    .createHash('sha256')
    .update([process.version, process.arch, readPackageVersion(file), fs.statSync(file).size].join('\0'))
    .digest('hex')
    .slice(0, 16);
  return path.join(directory, `typescript-${key}.v8cache`);
}

function readPackageVersion(file: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(file), '..', 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '';
}

/**
 * Caches of other Node or TypeScript versions written over a month ago are removed when a new
 * one is written; one that is still in use is simply written again on its next load.
 */
const STALE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

function removeStaleCaches(directory: string, keep: string): void {
  for (const name of fs.readdirSync(directory)) {
    const candidate = path.join(directory, name);
    if (candidate === keep || !/^typescript-[0-9a-f]{16}\.v8cache$/.test(name)) continue;
    try {
      if (Date.now() - fs.statSync(candidate).mtimeMs > STALE_AFTER_MS) fs.rmSync(candidate, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

function isPrivateToThisUser(target: string): boolean {
  const stat = fs.lstatSync(target);
  const uid = process.getuid?.();
  return !stat.isSymbolicLink() && (uid === undefined || stat.uid === uid) && (process.platform === 'win32' || (stat.mode & 0o022) === 0);
}

function readOwnedFile(target: string): Buffer | undefined {
  try {
    return isPrivateToThisUser(target) && fs.lstatSync(target).isFile() ? fs.readFileSync(target) : undefined;
  } catch {
    return undefined;
  }
}

/** Concurrent threads and runs each write their own temporary file; the rename makes one win whole. */
function writeAtomically(target: string, data: Buffer): void {
  const temporary = `${target}.${process.pid}-${workerThreads.threadId}.tmp`;
  try {
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, target);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

export = preloadTypeScript;
