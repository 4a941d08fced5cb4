import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderConfigJsonSchema } from '../../src/config/create-json-schema.js';
import { createStarterConfig } from '../../src/config/create-starter-config.js';
import { REPO_ROOT } from '../helpers/fixture-path.js';

const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'seams.config.schema.json');

describe('the JSON Schema of seams.config.json', () => {
  it('is up to date with src/config/schema.ts', () => {
    // Regenerate: SEAMS_WRITE_SCHEMA=1 npx vitest run test/config/json-schema.test.ts
    if (process.env.SEAMS_WRITE_SCHEMA === '1') fs.writeFileSync(SCHEMA_FILE, renderConfigJsonSchema());
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    expect(
      committed,
      'schema/seams.config.schema.json is out of date; regenerate it with SEAMS_WRITE_SCHEMA=1 npx vitest run test/config/json-schema.test.ts',
    ).toBe(renderConfigJsonSchema());
  });

  it('accepts the starter config with its "//" comments and rejects a misspelt key', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
    expect(validate(createStarterConfig()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ pins: { 'src/billing/**': 'payments' }, groups: [['src/orders/**']], '// why': 'a comment' })).toBe(true);
    expect(validate({ wieghts: { import: 1 } })).toBe(false);
    expect(validate({ pins: { 'src/billing/**': 3 } })).toBe(false);
  });
});
