import { describe, expect, it } from 'vitest';
import { getFixturePath } from '../helpers/fixture-path.js';
import { analyzeWithCli, getEdgePairs, getFilePaths } from './helpers/temp-project.js';

describe('a project where some files do not parse', () => {
  it('analyses the rest and reports each broken file once, with its line', async () => {
    const run = await analyzeWithCli(getFixturePath('hostile', 'syntax-errors'));

    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.analysis!.diagnostics).toEqual([
      {
        code: 'parse-error',
        severity: 'error',
        file: 'src/billing/invoice-service.ts',
        line: 9,
        message: 'syntax error, file not analysed: Merge conflict marker encountered. (+2 more)',
      },
      {
        code: 'parse-error',
        severity: 'error',
        file: 'src/billing/tax-rates.ts',
        line: 18,
        message: "syntax error, file not analysed: '}' expected.",
      },
      {
        code: 'parse-error',
        severity: 'error',
        file: 'src/legacy/export-csv.js',
        line: 11,
        message: 'syntax error, file not analysed: Unterminated template literal.',
      },
    ]);
  });

  it('keeps broken files in the file list but takes no edges or table accesses from them', async () => {
    const { analysis } = await analyzeWithCli(getFixturePath('hostile', 'syntax-errors'));

    expect(getFilePaths(analysis)).toEqual([
      'src/billing/billing-routes.ts',
      'src/billing/invoice-service.ts',
      'src/billing/tax-rates.ts',
      'src/legacy/export-csv.js',
      'src/orders/order-repository.ts',
      'src/orders/order-routes.ts',
      'src/server.ts',
      'src/shared/db.ts',
    ]);
    expect(getEdgePairs(analysis).sort()).toEqual([
      'src/billing/billing-routes.ts -> src/billing/invoice-service.ts',
      'src/orders/order-repository.ts -> src/shared/db.ts',
      'src/orders/order-routes.ts -> src/orders/order-repository.ts',
      'src/server.ts -> src/billing/billing-routes.ts',
      'src/server.ts -> src/orders/order-routes.ts',
    ]);
    expect(analysis!.dataAccesses.map((access) => `${access.file}:${access.line} ${access.access} ${access.table}`)).toEqual([
      'src/orders/order-repository.ts:11 read orders',
      'src/orders/order-repository.ts:15 write orders',
    ]);
  });
});
