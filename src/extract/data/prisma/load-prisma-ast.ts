import { createRequire } from 'node:module';
import type * as PrismaAst from '@mrleebo/prisma-ast';

const require = createRequire(import.meta.url);
let loaded: typeof PrismaAst | null = null;

/**
 * Loads @mrleebo/prisma-ast without its config search. On load it asks lilconfig for a
 * `prisma-ast` config from the current directory upwards, and lilconfig `require`s a
 * `prisma-ast.config.js` it finds there: run in the analysed project, that would execute the
 * project's code, which seams never does (CI runs it on pull requests). While the parser loads,
 * lilconfig is replaced by a stub that finds nothing; the parser keeps its defaults.
 */
export function loadPrismaAst(): typeof PrismaAst {
  if (loaded) return loaded;
  const entry = require.resolve('@mrleebo/prisma-ast');
  const lilconfigPath = createRequire(entry).resolve('lilconfig');
  const cache = require.cache as Record<string, unknown>;
  const previous = cache[lilconfigPath];
  const finder = { search: () => null, load: () => null, clearCaches: () => undefined };
  cache[lilconfigPath] = {
    id: lilconfigPath,
    filename: lilconfigPath,
    loaded: true,
    children: [],
    paths: [],
    exports: { lilconfigSync: () => finder, lilconfig: () => finder },
  };
  try {
    loaded = require('@mrleebo/prisma-ast') as typeof PrismaAst;
  } finally {
    if (previous === undefined) delete cache[lilconfigPath];
    else cache[lilconfigPath] = previous;
  }
  return loaded;
}
