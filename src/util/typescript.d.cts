// The types of typescript.cjs: ts-morph's `ts`, the TypeScript compiler API.
import tsMorph = require('ts-morph');

export = tsMorph.ts;
