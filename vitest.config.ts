import { defineConfig, type Plugin } from 'vitest/config';

/**
 * src/util/typescript.cjs is CommonJS for the reasons given there, and Vite runs only ESM. Tests
 * get the same compiler, ts-morph's `ts`, through an ESM module of the same name.
 */
const typescriptShimForVite: Plugin = {
  name: 'seams-typescript-shim',
  enforce: 'pre',
  transform(_code, id) {
    if (!id.endsWith('/src/util/typescript.cjs')) return null;
    return { code: "import { ts } from 'ts-morph';\nexport default ts;\n", map: null };
  },
};

export default defineConfig({
  plugins: [typescriptShimForVite],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest-results.json' },
  },
});
