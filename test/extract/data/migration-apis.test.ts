import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';

const root = getFixturePath('data', 'migrations', 'apis');

describe('node-pg-migrate and Sequelize QueryInterface migrations', () => {
  it('declare the tables their up functions leave, replayed in file-name order', async () => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(root).tables);
    expect(analysis.tables.find((table) => table.name === 'users')?.declaredIn).toEqual([
      { file: 'migrations/1710000000000_tokens.js', line: 3 },
    ]);
    expect(analysis.tables.find((table) => table.name === 'ops.Jobs')?.declaredIn).toEqual([
      { file: 'db/migrations/20240301120000-create-audit.js', line: 10 },
    ]);
    expect(analysis.dataAccesses.map(({ file, table, access }) => ({ file, table, access }))).toEqual(readExpected(root).accesses);
  });
});
