import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { computeAdjustedRandIndex } from '../helpers/adjusted-rand-index.js';
import { getFixturePath } from '../helpers/fixture-path.js';
import { getExpectedServices, readExpected } from '../helpers/read-expected.js';

/** ARI of seams' services against the split the fixture documents, over the files both place. */
async function scoreFixture(...segments: string[]) {
  const root = getFixturePath(...segments);
  const analysis = await analyze({ root });
  const expected = getExpectedServices(readExpected(root), analysis.files.map((file) => file.path));
  const actual = new Map(analysis.files.filter((file) => file.service).map((file) => [file.path, file.service!]));
  const placed = [...expected.keys()].filter((file) => actual.has(file)).length;
  return { ari: computeAdjustedRandIndex(expected, actual), coverage: placed / expected.size };
}

describe('candidate services against the split each fixture documents', () => {
  it('recovers the bounded contexts of the NestJS + TypeORM modular monolith', async () => {
    const { ari, coverage } = await scoreFixture('monoliths', 'nestjs-typeorm');
    expect(ari).toBeGreaterThanOrEqual(0.8);
    expect(coverage).toBeGreaterThanOrEqual(0.9);
  });

  it('recovers the domains of the Express monolith organised by technical layer', async () => {
    const { ari, coverage } = await scoreFixture('monoliths', 'express-layered');
    expect(ari).toBeGreaterThanOrEqual(0.75);
    expect(coverage).toBeGreaterThanOrEqual(0.9);
  });

  it('recovers the areas of the mixed-ORM monolith, where shared tables are the main glue', async () => {
    const { ari, coverage } = await scoreFixture('data', 'mixed-orm');
    expect(ari).toBeGreaterThanOrEqual(0.8);
    expect(coverage).toBeGreaterThanOrEqual(0.8);
  });

  it('does not depend on the map iteration order: the same seed gives the same services twice', async () => {
    const root = getFixturePath('monoliths', 'express-layered');
    const [first, second] = await Promise.all([analyze({ root }), analyze({ root })]);
    expect(second.services).toEqual(first.services);
  });
});
