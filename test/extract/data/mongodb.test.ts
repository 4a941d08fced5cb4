import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getFixturePath } from '../../helpers/fixture-path.js';

describe('the MongoDB driver adapter', () => {
  it('finds the collections driver calls read and write, directly, through a variable or member, and in $lookup', async () => {
    const analysis = await analyze({ root: getFixturePath('data', 'mongodb') });
    expect(analysis.tables.map((table) => `${table.name}:${table.kind}`)).toEqual(['favourites:collection', 'recipes:collection', 'sessions:collection', 'users:collection']);
    expect(analysis.dataAccesses.map(({ file, line, table, access }) => `${file}:${line} ${access} ${table}`)).toEqual([
      'src/jobs/cleanup.js:4 write sessions',
      'src/repositories/recipe.repository.js:10 read recipes',
      'src/repositories/recipe.repository.js:14 read recipes',
      'src/repositories/recipe.repository.js:14 read users',
      'src/repositories/recipe.repository.js:20 write recipes',
      'src/services/favourites.service.js:6 write favourites',
      'src/services/favourites.service.js:7 read users',
    ]);
    expect(analysis.diagnostics).toEqual([]);
  });
});
