import path from 'node:path';
import ts from '../../../util/typescript.cjs';
import type { TableRef } from '../../file-facts.js';
import { getObjectProperty, getPropertyName, getStringValue, skipOuterExpressions } from '../../syntax.js';
import { isClassLikeName } from '../class-orm/syntax.js';
import { findStaticMember, getReturnedExpression } from './read-static-member.js';

export interface RelationMapping {
  property: string;
  /** `HasManyRelation`, `ManyToManyRelation`, … or null when it is not written as a name. */
  kind: string | null;
  /** The related model, or null when `modelClass` is not something the text tells. */
  target: TableRef | null;
  /** The junction table of `join.through.from: 'persons_movies.personId'`. */
  throughTable: string | null;
  /** The junction model of `join.through.modelClass`. */
  throughModel: TableRef | null;
  node: ts.Node;
}

/**
 * The relations a model declares (https://vincit.github.io/objection.js/guide/relations.html):
 * `static relationMappings = { … }`, `static relationMappings = () => ({ … })`,
 * `static get relationMappings() { return { … }; }`, and each mapping's `relation`,
 * `modelClass` and `join.through`.
 */
export function readRelationMappings(node: ts.ClassLikeDeclaration): RelationMapping[] {
  const member = findStaticMember(node, 'relationMappings');
  const object = member ? getReturnedExpression(member) : undefined;
  if (!object || !ts.isObjectLiteralExpression(object)) return [];
  const mappings: RelationMapping[] = [];
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const name = getPropertyName(property.name);
    const mapping = skipOuterExpressions(property.initializer);
    if (name === null || !ts.isObjectLiteralExpression(mapping)) continue;
    const through = getObjectProperty(getObjectProperty(mapping, 'join'), 'through');
    mappings.push({
      property: name,
      kind: getKindName(getObjectProperty(mapping, 'relation')),
      target: toModelClassRef(getObjectProperty(mapping, 'modelClass')),
      throughTable: toColumnTable(getObjectProperty(through, 'from')),
      throughModel: toModelClassRef(getObjectProperty(through, 'modelClass')),
      node: property,
    });
  }
  return mappings;
}

/** `Model.HasManyRelation`, `HasManyRelation` (imported from objection) → HasManyRelation. */
function getKindName(expression: ts.Expression | undefined): string | null {
  if (!expression) return null;
  const node = skipOuterExpressions(expression);
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return ts.isIdentifier(node) ? node.text : null;
}

/**
 * `modelClass: Animal` is the class in scope. `require('./Animal')`, `require('./animal').default`
 * and a path (`'Animal'`, `path.join(__dirname, 'Animal')`, `__dirname + '/Animal'`) name a file:
 * the model there is taken to be the class named like the file (Animal, animal.model → Animal).
 */
function toModelClassRef(expression: ts.Expression | undefined): TableRef | null {
  if (!expression) return null;
  const node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) return { kind: 'symbol', name: node.text };
  if (ts.isPropertyAccessExpression(node) && isRequireCall(node.expression)) {
    return isClassLikeName(node.name.text) ? toModelNameRef(node.name.text) : toModelClassRef(node.expression);
  }
  const file = isRequireCall(node) ? getStringValue(node.arguments[0]) : getLastString(node);
  return file === null ? null : toModelNameRef(toClassName(file));
}

function isRequireCall(node: ts.Expression): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require';
}

function getLastString(node: ts.Expression): string | null {
  const text = getStringValue(node);
  if (text !== null) return text;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return getLastString(node.right);
  if (ts.isCallExpression(node) && node.arguments.length > 0) return getLastString(node.arguments[node.arguments.length - 1]!);
  return null;
}

/** `./models/person-movie.model.js` → PersonMovie. */
function toClassName(file: string): string {
  const base = path.posix.basename(file.replace(/\\/g, '/')).replace(/\.[cm]?[jt]s$/, '').replace(/\.model$/i, '');
  return base
    .split(/[-_.\s]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function toModelNameRef(name: string): TableRef | null {
  return name ? { kind: 'model', orm: 'objection', name } : null;
}

/** `'persons_movies.personId'` (or the first of several columns) → persons_movies. */
function toColumnTable(expression: ts.Expression | undefined): string | null {
  if (!expression) return null;
  const node = skipOuterExpressions(expression);
  const column = ts.isArrayLiteralExpression(node) ? getStringValue(node.elements[0]) : getStringValue(node);
  const dot = column?.lastIndexOf('.') ?? -1;
  return column && dot > 0 ? column.slice(0, dot) : null;
}
