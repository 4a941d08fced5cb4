'use strict';
// The TypeScript compiler API for every thread that parses, as plain CommonJS (types in
// typescript.d.cts). Three costs are avoided, each paid once per thread:
// - an ESM `import { ts } from 'ts-morph'` makes Node scan ts-morph's bundle for export names
//   (~0.3 s); require() does not;
// - compiling TypeScript's 9 MB (~0.3 s): preload-typescript.cjs loads it with a code cache;
// - ts-morph's own wrapper and helpers (4 MB, ~0.14 s), which seams does not use: its `ts` is
//   this same TypeScript build, @ts-morph/common/dist/typescript.js, so it is taken directly.
function preload() {
  try {
    return require('./preload-typescript.cjs')();
  } catch {
    // Run from source (tsx), where preload-typescript is still .cts: the ordinary way below.
    return null;
  }
}

module.exports = preload() ?? require('ts-morph').ts;
