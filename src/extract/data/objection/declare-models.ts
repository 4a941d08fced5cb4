import ts from '../../../util/typescript.cjs';
import type { FileFacts, TableRef } from '../../file-facts.js';
import { getStringValue } from '../../syntax.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import { toJunctionMember } from '../class-orm/relations.js';
import { getExtendedClass, isDefaultExport } from '../class-orm/syntax.js';
import { type RelationMapping, readRelationMappings } from './read-relation-mappings.js';
import { findStaticMember, getReturnedExpression } from './read-static-member.js';

const MODEL_BASES = new Set(['Model']);
/** Relations whose `relate()` adds a junction row rather than setting a foreign key. */
const THROUGH_RELATIONS = new Set(['ManyToManyRelation', 'HasOneThroughRelation']);

/**
 * An Objection model (https://vincit.github.io/objection.js/guide/models.html): a class that
 * extends `Model`, or any class that declares a static `tableName` or `relationMappings` (a
 * project's `BaseModel` sits in between). Objection has no default table name: a model whose
 * `tableName` is not a string in the code declares no table. Also remembers which classes are
 * models, so that `this.query()` in a static method queries the model's own table.
 */
export function visitModelClass(node: ts.ClassLikeDeclaration, env: OrmEnv): void {
  const parent = getExtendedClass(node);
  const extendsSomething = !!node.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
  const tableMember = findStaticMember(node, 'tableName');
  const mappings = findStaticMember(node, 'relationMappings');
  if (!extendsSomething || !(tableMember || mappings || (parent && MODEL_BASES.has(parent.name)))) return;
  const facts = env.context.facts;
  const name = getModelSymbol(node);
  const table = tableMember ? getStringValue(getReturnedExpression(tableMember)) : findAssignedTableName(node, name);
  env.scope.setMember(node, '#model', { kind: 'model', entity: { ref: { kind: 'symbol', name }, speculative: table === null } });
  if (table !== null) {
    const line = env.context.lineOf(node);
    facts.entities.push({ symbol: name, table, kind: 'table', via: 'objection', line, ...(node.name ? { modelName: node.name.text } : {}) });
  }
  for (const symbol of getExportNames(node, name)) facts.aliases.push({ symbol, target: { kind: 'symbol', name } });
  if (parent && !MODEL_BASES.has(parent.name)) facts.aliases.push({ symbol: `${name}:extends`, target: { kind: 'symbol', name: parent.name } });
  for (const mapping of readRelationMappings(node)) recordRelation(name, mapping, facts, env);
}

/**
 * Under which member names a relation is found: `Person.pets` is the related model,
 * `Person.pets:junction` the junction table, and `Person.pets:relate` the table that `relate()`
 * and `unrelate()` write: the related one for HasMany/HasOne, the model's own for
 * BelongsToOne, the junction for ManyToMany/HasOneThrough.
 */
function recordRelation(owner: string, mapping: RelationMapping, facts: FileFacts, env: OrmEnv): void {
  const member = `${owner}.${mapping.property}`;
  const junction = toJunctionMember(owner, mapping.property);
  if (mapping.target) facts.aliases.push({ symbol: member, target: mapping.target });
  if (mapping.throughTable !== null) {
    facts.entities.push({ symbol: junction, table: mapping.throughTable, kind: 'table', via: 'objection', line: env.context.lineOf(mapping.node) });
  } else if (mapping.throughModel) {
    facts.aliases.push({ symbol: junction, target: mapping.throughModel });
  }
  const relateTarget: TableRef | null =
    mapping.kind === 'BelongsToOneRelation'
      ? { kind: 'symbol', name: owner }
      : mapping.kind !== null && THROUGH_RELATIONS.has(mapping.kind)
        ? { kind: 'symbol', name: junction }
        : mapping.target;
  if (relateTarget) facts.aliases.push({ symbol: toRelateMember(owner, mapping.property), target: relateTarget });
}

/** The member that stands for the table `relate()` and `unrelate()` write through a relation. */
export function toRelateMember(owner: string, property: string): string {
  return `${owner}.${property}:relate`;
}

/**
 * The symbol a model is known by in its file: its class name, or for an anonymous class what
 * its module exports it as (`module.exports = class extends Model {…}` → `*`, `export default class` → default).
 */
function getModelSymbol(node: ts.ClassLikeDeclaration): string {
  if (node.name) return node.name.text;
  if (isDefaultExport(node)) return 'default';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return parent && ts.isBinaryExpression(parent) && isModuleExports(parent.left) ? '*' : 'default';
}

/**
 * The names other files import the model by besides its own: `export default class`,
 * `export default Person`, `module.exports = Person` (whole module, and the default import
 * that `esModuleInterop` makes of it), `module.exports = class Person …`.
 */
function getExportNames(node: ts.ClassLikeDeclaration, name: string): string[] {
  const names: string[] = [];
  if (isDefaultExport(node)) names.push('default');
  const parent = node.parent;
  if (parent && ts.isBinaryExpression(parent) && isModuleExports(parent.left)) names.push('*', 'default');
  for (const statement of node.getSourceFile().statements) {
    if (ts.isExportAssignment(statement) && isNamed(statement.expression, name)) names.push('default');
    if (isModuleExportsAssignment(statement, name)) names.push('*', 'default');
  }
  return [...new Set(names)].filter((exported) => exported !== name);
}

/** `Person.tableName = 'persons';` after the class, as older JavaScript models set it. */
function findAssignedTableName(node: ts.ClassLikeDeclaration, name: string): string | null {
  for (const statement of node.getSourceFile().statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
    const { left, right, operatorToken } = statement.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left)) continue;
    if (left.name.text === 'tableName' && isNamed(left.expression, name)) return getStringValue(right);
  }
  return null;
}

function isModuleExportsAssignment(statement: ts.Statement, name: string): boolean {
  if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) return false;
  const { left, right, operatorToken } = statement.expression;
  return operatorToken.kind === ts.SyntaxKind.EqualsToken && isModuleExports(left) && isNamed(right, name);
}

function isModuleExports(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'exports' && ts.isIdentifier(node.expression) && node.expression.text === 'module';
}

function isNamed(node: ts.Expression, name: string): boolean {
  return ts.isIdentifier(node) && node.text === name;
}
