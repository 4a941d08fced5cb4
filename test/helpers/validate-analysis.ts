import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { REPO_ROOT } from './fixture-path.js';

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schema', 'analysis.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Validation errors of a JSON analysis against schema/analysis.schema.json, as readable lines. */
export function getSchemaErrors(analysis: unknown): string[] {
  if (validate(analysis)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
