import ts from '../../util/typescript.cjs';
import { getDottedName } from '../state/get-name.js';
import { getPropertyName, skipOuterExpressions } from '../syntax.js';

/** A table name, or another constant's name (`const USERS_TABLE = TABLE`). */
export type TableConstant = string | { constant: string };

/** A string that could name a table: `users`, `audit.events`, `Orders`. */
const TABLE_NAME = /^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/;

/**
 * The table-like string constants a module-level declaration binds, by the name code refers to
 * them with: `const TABLE = 'features'` → TABLE, `const T = { ROLES: 'roles' }` → T.ROLES,
 * `enum Tables { Users = 'users' }` → Tables.Users. Knex stores name their table once at the top
 * and write `db(TABLE)` and `` `SELECT … FROM ${TABLE}` `` everywhere below (Unleash: 366 calls).
 * Only module-level `const` counts: a `let` or a local may hold anything by the time it is used.
 */
export function readTableConstants(node: ts.Node): [string, TableConstant][] {
  if (ts.isVariableDeclaration(node)) {
    if (!ts.isIdentifier(node.name) || !node.initializer || !isModuleLevelConst(node)) return [];
    const name = node.name.text;
    const value = skipOuterExpressions(node.initializer);
    const text = toTableText(value);
    if (text !== null) return [[name, text]];
    // `export const USERS_TABLE = TABLE`: another name for a constant, resolved like it.
    if (ts.isIdentifier(value)) return [[name, { constant: value.text }]];
    if (!ts.isObjectLiteralExpression(value)) return [];
    const entries: [string, TableConstant][] = [];
    for (const property of value.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const key = getPropertyName(property.name);
      const member = toTableText(skipOuterExpressions(property.initializer));
      if (key !== null && member !== null) entries.push([`${name}.${key}`, member]);
    }
    return entries;
  }
  if (ts.isEnumDeclaration(node) && ts.isSourceFile(node.parent)) {
    const entries: [string, TableConstant][] = [];
    for (const member of node.members) {
      const text = member.initializer ? toTableText(member.initializer) : null;
      const key = getPropertyName(member.name);
      if (text !== null && key !== null) entries.push([`${node.name.text}.${key}`, text]);
    }
    return entries;
  }
  return [];
}

/** `TABLE` or `T.ROLES` as the key `readTableConstants` uses, or null for anything else. */
export function toConstantName(expression: ts.Expression): string | null {
  const name = getDottedName(skipOuterExpressions(expression));
  return name !== null && name !== 'undefined' && name.split('.').length <= 2 ? name : null;
}

function toTableText(node: ts.Expression): string | null {
  if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node)) return null;
  return TABLE_NAME.test(node.text) ? node.text : null;
}

function isModuleLevelConst(declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
  const statement = list.parent;
  return !!statement && ts.isVariableStatement(statement) && ts.isSourceFile(statement.parent);
}
