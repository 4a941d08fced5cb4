import { z } from 'zod';
import { configSchema } from './schema.js';

/**
 * The JSON Schema of `seams.config.json` for editors, generated from the zod schema. Objects
 * that reject unknown keys still accept `//` comment keys, as the loader does.
 */
export function createConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input' }) as Record<string, unknown>;
  allowCommentKeys(schema);
  return { ...schema, $id: 'https://seams.dev/schema/seams.config.schema.json', title: 'seams.config.json' };
}

function allowCommentKeys(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) allowCommentKeys(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.type === 'object' && record.properties && record.additionalProperties === false) {
    record.patternProperties = { '^//': { description: 'A comment' } };
  }
  for (const child of Object.values(record)) allowCommentKeys(child);
}

/** The committed file's text: stable key order and a trailing newline. */
export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(createConfigJsonSchema(), null, 2)}\n`;
}
