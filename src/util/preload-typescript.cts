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
