import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts, getTransactionRows } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const root = getFixturePath('data', 'drizzle', 'basic');

describe('the Drizzle adapter', () => {
  it('finds the tables Drizzle queries read and write, resolving table objects through barrels and namespaces', async () => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('declares each table object where it is defined, schema-qualified under pgSchema', async () => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map(({ name, declaredIn }) => ({ name, declaredIn }))).toEqual([
      { name: 'billing.invoices', declaredIn: [{ file: 'src/db/schema/billing.ts', line: 6 }] },
      { name: 'order_items', declaredIn: [{ file: 'src/db/schema/orders.ts', line: 13 }] },
      { name: 'orders', declaredIn: [{ file: 'src/db/schema/orders.ts', line: 4 }] },
      { name: 'users', declaredIn: [{ file: 'src/db/schema/users.ts', line: 3 }] },
    ]);
  });

  it('reports no unresolved table for a Map.delete that only looks like a Drizzle delete', async () => {
    const analysis = await analyze({ root });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-table')).toEqual([]);
  });

  it('puts the queries of one db.transaction callback in one transaction', async () => {
    const facts = await extractDataFacts(root);
    expect(getTransactionRows(facts, 'src/orders/order.service.ts').filter((row) => row[3] !== null)).toEqual([
      [15, 'orders', 'write', 't1'],
      [16, 'order_items', 'write', 't1'],
    ]);
  });
});
