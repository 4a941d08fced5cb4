import ts from '../../../util/typescript.cjs';
import type { DataAccessKind } from '../../../types.js';
import type { TableRef } from '../../file-facts.js';
import { getPropertyName, skipOuterExpressions } from '../../syntax.js';
import type { VisitContext } from '../../visitor.js';
import { recordQueryAccesses } from '../find-transaction-id.js';
import type { PrismaModel } from './prisma-schema.js';

// Model queries: https://www.prisma.io/docs/orm/reference/prisma-client-reference#model-queries
const READ_METHODS = new Set([
  'findMany',
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'count',
  'aggregate',
  'groupBy',
]);
const WRITE_METHODS = new Set([
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
]);
/** Nested writes that change rows of the related model. */
const RELATED_WRITES = new Set(['create', 'createMany', 'connectOrCreate', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany']);
/** Nested writes that only move foreign keys: the related rows (1-n) or the join table (m-n). */
const LINK_WRITES = new Set(['connect', 'connectOrCreate', 'set', 'disconnect', 'create', 'delete', 'deleteMany']);

export type ModelsByClientName = Map<string, PrismaModel>;

interface Emitted {
  ref: TableRef;
  access: DataAccessKind;
}

/** `<client>.<model>.<method>(args)`: the model's table, plus related tables its arguments reach. */
export function visitPrismaCall(call: ts.CallExpression, models: ModelsByClientName, byName: Map<string, PrismaModel>, context: VisitContext): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  const isRead = READ_METHODS.has(method);
  if (!isRead && !WRITE_METHODS.has(method)) return;
  const receiver = skipOuterExpressions(callee.expression);
  if (!ts.isPropertyAccessExpression(receiver)) return;
  const model = models.get(receiver.name.text);
  if (!model) return;

  const emitted: Emitted[] = [{ ref: toModelRef(model), access: isRead ? 'read' : 'write' }];
  const args = skipArgument(call.arguments[0]);
  if (args) {
    collectIncludes(args, model, byName, emitted, 0);
    if (!isRead) collectNestedWrites(args, model, byName, emitted, 0);
  }
  collectFluentRelation(call, model, byName, emitted);

  recordQueryAccesses(context, call, 'prisma', toUnique(emitted));
}

const MAX_DEPTH = 8;

/** `include: { posts: true }`, `select: { posts: { select: … } }`, `_count: { select: { posts: true } }`. */
function collectIncludes(args: ts.ObjectLiteralExpression, model: PrismaModel, byName: Map<string, PrismaModel>, emitted: Emitted[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const key of ['include', 'select']) {
    const selection = getObject(args, key);
    if (!selection) continue;
    for (const [name, value] of getEntries(selection)) {
      if (name === '_count') {
        const counted = value && ts.isObjectLiteralExpression(value) ? getObject(value, 'select') : undefined;
        for (const [relationName] of counted ? getEntries(counted) : []) readRelation(model, relationName, byName, emitted);
        continue;
      }
      if (value && value.kind === ts.SyntaxKind.FalseKeyword) continue;
      const related = readRelation(model, name, byName, emitted);
      if (related && value && ts.isObjectLiteralExpression(value)) collectIncludes(value, related, byName, emitted, depth + 1);
    }
  }
}

function readRelation(model: PrismaModel, name: string, byName: Map<string, PrismaModel>, emitted: Emitted[]): PrismaModel | null {
  const relation = model.relations[name];
  const related = relation ? byName.get(relation.model) : undefined;
  if (!relation || !related) return null;
  emitted.push({ ref: toModelRef(related), access: 'read' });
  if (relation.junction) emitted.push({ ref: { kind: 'table', name: relation.junction }, access: 'read' });
  return related;
}

/** The rows a write sends: `data` of create/update, the `create` and `update` of an upsert. */
function collectNestedWrites(args: ts.ObjectLiteralExpression, model: PrismaModel, byName: Map<string, PrismaModel>, emitted: Emitted[], depth: number): void {
  for (const key of ['data', 'create', 'update']) {
    for (const row of getObjects(getProperty(args, key))) collectRowWrites(row, model, byName, emitted, depth);
  }
}

/** `{ posts: { create: [...], connect: {...} } }`: nested writes of one row's relation fields. */
function collectRowWrites(row: ts.ObjectLiteralExpression, model: PrismaModel, byName: Map<string, PrismaModel>, emitted: Emitted[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const [name, value] of getEntries(row)) {
    const relation = model.relations[name];
    const related = relation ? byName.get(relation.model) : undefined;
    if (!relation || !related || !value || !ts.isObjectLiteralExpression(value)) continue;
    for (const [operation, operand] of getEntries(value)) {
      if (RELATED_WRITES.has(operation)) emitted.push({ ref: toModelRef(related), access: 'write' });
      if (LINK_WRITES.has(operation)) {
        if (relation.junction) emitted.push({ ref: { kind: 'table', name: relation.junction }, access: 'write' });
        else if (relation.list && !RELATED_WRITES.has(operation)) emitted.push({ ref: toModelRef(related), access: 'write' });
      }
      for (const nested of getNestedRows(operation, operand)) collectRowWrites(nested, related, byName, emitted, depth + 1);
    }
  }
}

/** The related rows inside one nested write: `create` is the row, the others wrap it. */
function getNestedRows(operation: string, operand: ts.Expression | undefined): ts.ObjectLiteralExpression[] {
  const operands = getObjects(operand);
  switch (operation) {
    case 'create':
      return operands;
    case 'connectOrCreate':
      return operands.flatMap((item) => getObjects(getProperty(item, 'create')));
    case 'upsert':
      return operands.flatMap((item) => [...getObjects(getProperty(item, 'create')), ...getObjects(getProperty(item, 'update'))]);
    case 'update':
      return operands.flatMap((item) => {
        const data = getProperty(item, 'data');
        return data ? getObjects(data) : [item];
      });
    default:
      return [];
  }
}

/** `prisma.user.findUnique(…).posts()` reads the related table too. */
function collectFluentRelation(call: ts.CallExpression, model: PrismaModel, byName: Map<string, PrismaModel>, emitted: Emitted[]): void {
  const parent = call.parent;
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== call || !ts.isCallExpression(parent.parent)) return;
  readRelation(model, parent.name.text, byName, emitted);
}

function toModelRef(model: PrismaModel): TableRef {
  return { kind: 'model', orm: 'prisma', name: model.clientName };
}

function toUnique(emitted: Emitted[]): Emitted[] {
  const seen = new Set<string>();
  return emitted.filter(({ ref, access }) => {
    const key = `${access}\0${ref.kind}\0${'name' in ref ? ref.name : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function skipArgument(argument: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const node = argument ? skipOuterExpressions(argument) : undefined;
  return node && ts.isObjectLiteralExpression(node) ? node : undefined;
}

function getProperty(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && getPropertyName(property.name) === key) return skipOuterExpressions(property.initializer);
  }
  return undefined;
}

function getObject(object: ts.ObjectLiteralExpression, key: string): ts.ObjectLiteralExpression | undefined {
  const value = getProperty(object, key);
  return value && ts.isObjectLiteralExpression(value) ? value : undefined;
}

/** An object literal, or each object literal of an array literal. */
function getObjects(value: ts.Expression | undefined): ts.ObjectLiteralExpression[] {
  if (!value) return [];
  if (ts.isObjectLiteralExpression(value)) return [value];
  if (ts.isArrayLiteralExpression(value)) return value.elements.filter(ts.isObjectLiteralExpression);
  return [];
}

function getEntries(object: ts.ObjectLiteralExpression): [string, ts.Expression | undefined][] {
  const entries: [string, ts.Expression | undefined][] = [];
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property)) {
      const name = getPropertyName(property.name);
      if (name !== null) entries.push([name, skipOuterExpressions(property.initializer)]);
    } else if (ts.isShorthandPropertyAssignment(property)) entries.push([property.name.text, undefined]);
  }
  return entries;
}
