// The Prisma schema language: https://www.prisma.io/docs/orm/reference/prisma-schema-reference
import type { Block, Field, Schema } from '@mrleebo/prisma-ast';
import type { Diagnostic } from '../../../types.js';
import { compareStrings } from '../../../util/sort.js';
import { findJunctionTables, type FieldOfModel } from './find-junction-tables.js';
import { loadPrismaAst } from './load-prisma-ast.js';
import { type PrismaModel, type PrismaSchema, toClientName } from './prisma-schema.js';

/**
 * Reads every `.prisma` file as one schema (Prisma's multi-file schemas split models across
 * files and relate them freely). Models and views become tables: `@@map("x")` names the table,
 * else the model name as written. A file that does not parse is reported and skipped.
 */
export function readPrismaSchema(files: Record<string, string>, diagnostics: Diagnostic[]): PrismaSchema {
  const { getSchema } = loadPrismaAst();
  const blocks: { file: string; text: string; block: Block }[] = [];
  for (const file of Object.keys(files).sort(compareStrings)) {
    if (!file.endsWith('.prisma')) continue;
    const text = files[file]!;
    let schema: Schema;
    try {
      schema = getSchema(text);
    } catch (error) {
      diagnostics.push({
        code: 'prisma-schema-error',
        severity: 'warning',
        file,
        message: `cannot parse the Prisma schema: ${toOneLine(error)}`,
      });
      continue;
    }
    for (const block of schema.list) blocks.push({ file, text, block });
  }

  const objects = blocks.filter(({ block }) => block.type === 'model' || block.type === 'view');
  const modelNames = new Set(objects.map(({ block }) => (block as { name: string }).name));
  const fields: FieldOfModel[] = [];
  const models: PrismaModel[] = objects.map(({ file, text, block }) => {
    const object = block as Extract<Block, { type: 'model' | 'view' }>;
    const model: PrismaModel = {
      name: object.name,
      clientName: toClientName(object.name),
      table: getMappedName(object.properties) ?? object.name,
      file,
      line: findBlockLine(text, object.type, object.name),
      relations: {},
    };
    for (const property of object.properties) {
      if (property.type !== 'field' || typeof property.fieldType !== 'string') continue;
      if (!modelNames.has(property.fieldType)) continue;
      model.relations[property.name] = { model: property.fieldType, list: property.array === true };
      fields.push({
        model: object.name,
        field: property.name,
        type: property.fieldType,
        list: property.array === true,
        relationName: getRelationName(property),
      });
    }
    return model;
  });

  const byName = new Map(models.map((model) => [model.name, model]));
  const junctions = findJunctionTables(fields).map((junction) => {
    for (const side of junction.fields) byName.get(side.model)!.relations[side.field]!.junction = junction.table;
    const first = byName.get(junction.fields[0]!.model)!;
    return { table: junction.table, file: first.file, line: first.line };
  });
  return { models, junctions };
}

function getMappedName(properties: { type: string }[]): string | null {
  for (const property of properties) {
    const attribute = property as { type: string; kind?: string; name?: string; args?: { value: unknown }[] };
    if (attribute.type !== 'attribute' || attribute.kind !== 'object' || attribute.name !== 'map') continue;
    const value = attribute.args?.[0]?.value;
    if (typeof value === 'string') return unquote(value);
  }
  return null;
}

/** `@relation("Name")` or `@relation(name: "Name")`; null when the relation is unnamed. */
function getRelationName(field: Field): string | null {
  const relation = field.attributes?.find((attribute) => attribute.name === 'relation' && !attribute.group);
  for (const argument of relation?.args ?? []) {
    const value = argument.value;
    if (typeof value === 'string') return unquote(value);
    if (value && typeof value === 'object' && 'type' in value && value.type === 'keyValue' && value.key === 'name') {
      return typeof value.value === 'string' ? unquote(value.value) : null;
    }
  }
  return null;
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function findBlockLine(text: string, type: string, name: string): number {
  const match = new RegExp(`^[ \\t]*${type}[ \\t]+${name}\\b`, 'm').exec(text);
  return match ? text.slice(0, match.index).split('\n').length : 1;
}

function toOneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim();
}
