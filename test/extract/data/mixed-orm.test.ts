import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { getExpectedServices, readExpected } from '../../helpers/read-expected.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const root = getFixturePath('data', 'mixed-orm');

describe('a monolith that mixes Prisma, Knex, raw SQL and Mongoose', () => {
  it('finds the tables each area reads and writes, whichever library it uses', async () => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('sees the same table through two libraries: products and order_lines are touched by two intended services', async () => {
    const analysis = await analyze({ root });
    const expected = readExpected(root);
    const services = getExpectedServices(expected, analysis.files.map((file) => file.path));
    const servicesByTable = new Map<string, Set<string>>();
    for (const access of analysis.dataAccesses) {
      const service = services.get(access.file);
      if (!service) continue;
      const set = servicesByTable.get(access.table) ?? new Set<string>();
      set.add(service);
      servicesByTable.set(access.table, set);
    }
    const crossing = [...servicesByTable].filter(([, set]) => set.size > 1).map(([table]) => table).sort();
    expect(crossing).toEqual(expected.sharedTables);
    expect(analysis.dataAccesses.filter((access) => access.table === 'products').map((access) => access.via).sort()).toEqual(
      expect.arrayContaining(['knex', 'prisma', 'sql']),
    );
  });
});
