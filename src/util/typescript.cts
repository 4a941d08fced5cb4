// Every thread that parses loads TypeScript. Reached through ESM (`import { ts } from
// 'ts-morph'`), Node first scans ts-morph's CommonJS bundle for its export names, which costs
// about 0.3 s per thread on top of the load itself; require() skips that scan. The preload
// compiles TypeScript with a code cache first (see preload-typescript.cts).
import preloadTypeScript = require('./preload-typescript.cjs');

preloadTypeScript();

import tsMorph = require('ts-morph');

export = tsMorph.ts;
