import ts from '../../../util/typescript.cjs';
import { getDecoratorArguments, getObjectProperty, getStringValue } from '../../syntax.js';
import { getDecoratorName, getDecorators } from '../../syntax.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import { findThisOwner } from '../class-orm/scope.js';
import { findDecorator, getClassName, getExtendedClass, getReferencedClass, isDefaultExport } from '../class-orm/syntax.js';
import { getGivenTableName, readSequelizeNaming, toSequelizeTableName } from './to-table-name.js';

const TABLE = new Set(['Table']);
const PROPERTY_ACCESS = ts.SyntaxKind.PropertyAccessExpression;
const MODEL_BASES = new Set(['Model']);

/**
 * sequelize-typescript: `@Table({ tableName })` or `@Table` on a class; the model name is the
 * class name unless `modelName` says otherwise. Also remembers which classes are models, so
 * that `this.findAll()` in a static method reads the model's own table.
 */
export function visitModelClass(node: ts.ClassLikeDeclaration, env: OrmEnv): void {
  const name = getClassName(node);
  if (!name) return;
  const table = findDecorator(node, TABLE);
  const parent = getExtendedClass(node);
  if (table || (parent && MODEL_BASES.has(parent.name))) {
    env.scope.setMember(node, '#model', { kind: 'model', entity: { ref: { kind: 'symbol', name }, speculative: false } });
  }
  if (!table) return;
  const options = getDecoratorArguments(table)[0];
  const modelName = getStringValue(getObjectProperty(options, 'modelName')) ?? name;
  declareModel(env, name, modelName, options, node);
  if (isDefaultExport(node)) env.context.facts.aliases.push({ symbol: 'default', target: { kind: 'symbol', name } });
  recordThroughTables(node, name, env);
}

/**
 * `User.init(attributes, { sequelize, tableName })` (also `super.init(...)` in a static method),
 * `const User = sequelize.define('User', attributes, options)` and the junction tables that
 * `A.belongsToMany(B, { through: 'a_b' })` names.
 */
export function visitModelCall(node: ts.CallExpression, env: OrmEnv): void {
  const callee = node.expression;
  if (callee.kind !== PROPERTY_ACCESS) return;
  const method = (callee as ts.PropertyAccessExpression).name.text;
  if (method !== 'init' && method !== 'define' && method !== 'belongsToMany') return;
  visitDeclaringCall(node, callee as ts.PropertyAccessExpression, method, env);
}

function visitDeclaringCall(node: ts.CallExpression, callee: ts.PropertyAccessExpression, method: string, env: OrmEnv): void {
  const args = node.arguments;
  if (method === 'init' && args.length >= 2 && getObjectProperty(args[1], 'sequelize') !== undefined) {
    const symbol = getInitTarget(callee.expression);
    if (symbol) declareModel(env, symbol, getStringValue(getObjectProperty(args[1], 'modelName')) ?? symbol, args[1], node);
  } else if (method === 'define' && args.length >= 2 && ts.isObjectLiteralExpression(args[1]!)) {
    const modelName = getStringValue(args[0]);
    if (modelName !== null) declareModel(env, getAssignedName(node) ?? modelName, modelName, args[2], node);
  } else if (method === 'belongsToMany') {
    const through = getStringValue(getObjectProperty(args[1], 'through'));
    // `User.belongsToMany(…)`, or `this.belongsToMany(…)` in `static associate(models)`.
    const owner = getInitTarget(callee.expression);
    // `Role`, or a model taken from the registry: `models.Role`, `db.Role`.
    const target = getReferencedClass(args[0]) ?? (args[0] && ts.isPropertyAccessExpression(args[0]) ? args[0].name.text : null);
    if (through !== null && owner && target) declareThrough(env, owner, target, through, node);
  }
}

function declareModel(env: OrmEnv, symbol: string, modelName: string, options: ts.Expression | undefined, node: ts.Node): void {
  const given = getGivenTableName(options);
  const naming = readSequelizeNaming(options);
  env.context.facts.entities.push({
    symbol,
    table: given ?? toSequelizeTableName(modelName, naming),
    kind: 'table',
    via: 'sequelize',
    line: env.context.lineOf(node),
    modelName,
    ...(given === null ? { derivedFrom: { name: modelName, sequelize: naming } } : {}),
  });
}

/** `@BelongsToMany(() => Role, () => UserRole)` or `@BelongsToMany(() => Role, { through: 'user_roles' })`. */
function recordThroughTables(node: ts.ClassLikeDeclaration, owner: string, env: OrmEnv): void {
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    for (const decorator of getDecorators(member)) {
      if (getDecoratorName(decorator) !== 'BelongsToMany') continue;
      const [targetArgument, throughArgument] = getDecoratorArguments(decorator);
      const target = getReferencedClass(targetArgument);
      if (!target) continue;
      const through = getObjectProperty(throughArgument, 'through') ?? throughArgument;
      const table = getStringValue(through);
      if (table !== null) declareThrough(env, owner, target, table, decorator);
      const model = getReferencedClass(through);
      if (model) env.context.facts.aliases.push({ symbol: toThroughMember(owner, target), target: { kind: 'symbol', name: model } });
    }
  }
}

function declareThrough(env: OrmEnv, owner: string, target: string, table: string, node: ts.Node): void {
  env.context.facts.entities.push({ symbol: toThroughMember(owner, target), table, kind: 'table', via: 'sequelize', line: env.context.lineOf(node) });
}

/** The member under which the junction of `owner`'s many-to-many association with `target` is known. */
export function toThroughMember(owner: string, target: string): string {
  return `${owner}.${target}:through`;
}

function getInitTarget(receiver: ts.Expression): string | null {
  if (ts.isIdentifier(receiver)) return receiver.text;
  if (receiver.kind === ts.SyntaxKind.SuperKeyword || receiver.kind === ts.SyntaxKind.ThisKeyword) {
    const owner = findThisOwner(receiver);
    return owner && ts.isClassLike(owner) ? getClassName(owner) : null;
  }
  return null;
}

/** `const User = sequelize.define(...)` → User. */
function getAssignedName(node: ts.Node): string | null {
  let current: ts.Node = node;
  while (current.parent && (ts.isAwaitExpression(current.parent) || ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent))) {
    current = current.parent;
  }
  const parent = current.parent;
  return parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : null;
}
