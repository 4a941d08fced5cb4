import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script without type declarations
import { generateAnalysisSchema } from '../../scripts/emit-analysis-schema.mjs';
import { REPO_ROOT } from '../helpers/fixture-path.js';

describe('the JSON Schema of the Analysis', () => {
  it('is up to date with src/types.ts (regenerate with `node scripts/emit-analysis-schema.mjs`)', () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'schema', 'analysis.schema.json'), 'utf8');
    expect(committed).toBe(generateAnalysisSchema());
  });
});
