// Bundles each thread's entry point (the CLI, the analysis thread, the extraction helpers) into
// one file, in place of tsc's output. Loading ~150 separate ES modules cost each thread ~0.2 s of
// resolving and compiling at every start, longer than the parse of a small project. Runs after
// tsc and bundles its output, so the hand-written CommonJS (util/typescript.cjs) is bundled as is.
// TypeScript and the lazily loaded SQL and Prisma parsers stay outside: they are loaded only when
// needed, TypeScript with its own code cache (util/preload-typescript.cts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
// The entry points keep their paths, so `new URL(..., import.meta.url)` finds the same files
// from a bundle as from tsc's output: the threads' scripts, package.json, the report's assets.
const ENTRY_POINTS = ['cli/main.js', 'cli/analysis-worker.js', 'extract/extract-worker.js'];
const EXTERNAL = ['ts-morph', '@ts-morph/common', 'typescript', 'pgsql-ast-parser', 'node-sql-parser', '@mrleebo/prisma-ast', 'esbuild'];

/**
 * util/typescript.cjs stays a file of its own, imported by Node: bundled, esbuild's ES-module
 * wrapper would copy every one of TypeScript's thousands of exports onto a namespace object
 * (~130 ms per thread). Every bundle sits two folders deep in dist/, like the module itself.
 */
const keepTypeScriptModuleOutside = {
  name: 'keep-typescript-module-outside',
  setup(build) {
    build.onResolve({ filter: /\/util\/typescript\.cjs$/ }, () => ({ path: '../util/typescript.cjs', external: true }));
  },
};

/**
 * The CLI thread's fallback for running from source, `import('../analyze.js')`, is left to tsc's
 * output: bundled, the analysis modules' own imports (TypeScript's 9 MB above all) would be
 * hoisted into the CLI's bundle and loaded on a thread that never analyses.
 */
const leaveAnalysisOutOfTheCli = {
  name: 'leave-analysis-out-of-the-cli',
  setup(build) {
    build.onResolve({ filter: /\/analyze\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: '../analyze.js', external: true } : undefined,
    );
  },
};

const staging = fs.mkdtempSync(path.join(dist, '.bundle-'));
try {
  for (const entry of ENTRY_POINTS) {
    const isCli = entry === 'cli/main.js';
    await esbuild.build({
      entryPoints: [path.join(dist, entry)],
      outdir: path.join(staging, path.dirname(entry)),
      // The CLI's own modules, loaded by a dynamic import once the analysis thread has started,
      // go to a chunk of their own: the thread starts before they are even read.
      splitting: isCli,
      chunkNames: 'cli-[hash]',
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: EXTERNAL,
      plugins: isCli ? [keepTypeScriptModuleOutside, leaveAnalysisOutOfTheCli] : [keepTypeScriptModuleOutside],
      logLevel: 'warning',
      // Bundled CommonJS calls require(); an ES module has none, so the bundle makes one.
      banner: { js: "import { createRequire as seamsCreateRequire } from 'node:module';\nconst require = seamsCreateRequire(import.meta.url);" },
    });
  }
  for (const file of fs.readdirSync(staging, { recursive: true })) {
    const built = path.join(staging, file);
    if (fs.statSync(built).isFile()) fs.renameSync(built, path.join(dist, file));
  }
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
