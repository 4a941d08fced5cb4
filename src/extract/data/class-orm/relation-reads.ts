import ts from '../../../util/typescript.cjs';
import { getPropertyName, getStringValue } from '../../syntax.js';
import type { AccessOptions, Emitter } from './emitter.js';
import { toJunctionMember } from './relations.js';
import type { EntityTarget } from './values.js';

/**
 * The relation paths a find option names: `['roles', 'roles.permissions']`,
 * `{ roles: { permissions: true } }` or `'roles'` all name roles and roles.permissions.
 */
export function getRelationPaths(expression: ts.Expression | undefined): string[] {
  if (!expression) return [];
  const text = getStringValue(expression);
  if (text !== null) return text.includes('*') ? [] : expandPath(text);
  const paths: string[] = [];
  if (ts.isArrayLiteralExpression(expression)) {
    for (const element of expression.elements) paths.push(...getRelationPaths(element));
  } else if (ts.isObjectLiteralExpression(expression)) {
    for (const property of expression.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const name = getPropertyName(property.name);
      if (name === null || property.initializer.kind === ts.SyntaxKind.FalseKeyword) continue;
      paths.push(name);
      for (const nested of getRelationPaths(property.initializer)) paths.push(`${name}.${nested}`);
    }
  }
  return [...new Set(paths)];
}

/** `roles.permissions` → roles, roles.permissions: each step is a join of its own. */
function expandPath(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}

/**
 * Reads of the tables behind relation paths of `owner`: the related entity's table, and the
 * junction table when the relation is many-to-many (a guess the link step drops otherwise).
 */
export function emitRelationReads(owner: EntityTarget, paths: string[], emitter: Emitter, node: ts.Node, options: AccessOptions): void {
  if (owner.ref.kind !== 'symbol') return;
  for (const path of paths) {
    const dot = path.lastIndexOf('.');
    const parent = dot < 0 ? owner.ref.name : `${owner.ref.name}.${path.slice(0, dot)}`;
    const property = path.slice(dot + 1);
    emitter.emit({ ref: { kind: 'symbol', name: `${parent}.${property}` }, speculative: owner.speculative }, 'read', node, options);
    emitter.emit({ ref: { kind: 'symbol', name: toJunctionMember(parent, property) }, speculative: true }, 'read', node, options);
  }
}
