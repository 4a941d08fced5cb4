import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts, getTransactionRows } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const root = getFixturePath('data', 'kysely', 'basic');

describe('the Kysely adapter', () => {
  it('finds the tables Kysely query builders read and write', async () => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('does not take a CTE name for a table', async () => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(root).tables);
    expect(analysis.tables.map((table) => table.name)).not.toContain('recent');
  });

  it("declares the tables its migrations leave: createTable, then dropTable and renameTo, up only", async () => {
    const analysis = await analyze({ root });
    const declared = Object.fromEntries(analysis.tables.map((table) => [table.name, table.declaredIn.map((location) => `${location.file}:${location.line}`)]));
    expect(declared).toEqual({
      adoption: ['src/db/migrations/2024-06-12-adoptions.ts:4'],
      person: ['src/db/migrations/2024-05-01-initial.ts:4'],
      pet: ['src/db/migrations/2024-05-01-initial.ts:13'],
      pet_intake: [],
      pet_stock: ['src/db/migrations/2024-06-12-adoptions.ts:14'],
      toy: [],
      vet_visit: [],
    });
  });

  it('puts the queries of db.transaction().execute(…) in one transaction', async () => {
    const facts = await extractDataFacts(root);
    expect(getTransactionRows(facts, 'src/adoptions/adopt.ts')).toEqual([
      [6, 'pet', 'read', 't1'],
      [8, 'adoption', 'write', 't1'],
      [9, 'pet', 'write', 't1'],
    ]);
  });
});
