import { describe, expect, it } from 'vitest';
import { getFixturePath } from '../helpers/fixture-path.js';
import { analyzeWithCli, getEdgePairs, getFilePaths } from './helpers/temp-project.js';

describe('a broken or unusual tsconfig', () => {
  it('with an extends cycle gives one warning naming the cycle, and its own paths still work', async () => {
    const run = await analyzeWithCli(getFixturePath('hostile', 'tsconfig-extends-cycle'));

    expect(run.exitCode).toBe(0);
    expect(run.analysis!.diagnostics).toEqual([
      {
        code: 'tsconfig',
        severity: 'warning',
        file: 'tsconfig.json',
        message: 'Circularity detected while resolving configuration: tsconfig.json -> tsconfig.base.json -> tsconfig.json',
      },
    ]);
    expect(getEdgePairs(run.analysis)).toEqual(['src/payments/charge.ts -> src/common/money.ts']);
  });

  it('extending missing files gives one warning per missing file, and its own paths still work', async () => {
    const run = await analyzeWithCli(getFixturePath('hostile', 'tsconfig-missing-extends'));

    expect(run.exitCode).toBe(0);
    expect(run.analysis!.diagnostics).toEqual([
      { code: 'tsconfig', severity: 'warning', file: 'src/search/tsconfig.json', message: "Cannot read file 'tsconfig.shared.json'." },
      { code: 'tsconfig', severity: 'warning', file: 'tsconfig.json', message: "File '@acme/tsconfig/node20.json' not found." },
    ]);
    expect(getEdgePairs(run.analysis).sort()).toEqual([
      'src/search/index.ts -> src/common/text.ts',
      'src/search/index.ts -> src/search/query.ts',
      'src/search/query.ts -> src/common/text.ts',
    ]);
  });

  it('with comments, trailing commas and unknown keys warns only about the unknown compiler option', async () => {
    const run = await analyzeWithCli(getFixturePath('hostile', 'tsconfig-comments-and-unknown-options'));

    expect(run.exitCode).toBe(0);
    expect(run.analysis!.diagnostics).toEqual([
      {
        code: 'tsconfig',
        severity: 'warning',
        file: 'tsconfig.json',
        message: "Unknown compiler option 'verbatimModuleSyntx'. Did you mean 'verbatimModuleSyntax'?",
      },
    ]);
    expect(getEdgePairs(run.analysis)).toEqual(['src/inventory/stock.ts -> src/lib/logger.ts']);
  });

  it('with a paths alias outside the root says so once and never lists or links files from there', async () => {
    const run = await analyzeWithCli(getFixturePath('hostile', 'tsconfig-alias-outside-root', 'api'));

    expect(run.exitCode).toBe(0);
    expect(run.analysis!.diagnostics).toEqual([
      {
        code: 'unresolved-import',
        severity: 'warning',
        file: 'src/routes/orders.ts',
        line: 3,
        message: "cannot resolve '@generated/validators'",
      },
      {
        code: 'alias-outside-root',
        severity: 'info',
        file: 'tsconfig.json',
        message:
          "paths alias '@contracts/*' points outside the analysed root (../shared-contracts/*); imports through it are not analysed",
      },
    ]);
    expect(getFilePaths(run.analysis)).toEqual(['src/routes/orders.ts', 'src/server.ts']);
    expect(getEdgePairs(run.analysis)).toEqual(['src/server.ts -> src/routes/orders.ts']);
  });
});
