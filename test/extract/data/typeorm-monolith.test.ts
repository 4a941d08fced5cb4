import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const root = getFixturePath('monoliths', 'nestjs-typeorm');

describe('the TypeORM adapter on the NestJS monolith', () => {
  // The expected list also has the users read of the raw SQL in order-report.service.ts, which the
  // raw SQL adapter finds: scored on the union, a regression of either adapter shows here.
  it('finds the tables every service, repository and job reads and writes', async () => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });
});
