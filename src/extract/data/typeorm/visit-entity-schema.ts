import ts from '../../../util/typescript.cjs';
import { getObjectProperty, getStringValue, getTailName } from '../../syntax.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import { toSnakeCase } from './to-table-name.js';

/**
 * An entity declared without a class, as JavaScript projects write them:
 * `const CategorySchema = new EntitySchema({ name: 'Category', tableName: 'categories' })`,
 * `module.exports = new EntitySchema({…})`, `export default new EntitySchema({…})`,
 * `new typeorm.EntitySchema({…})`. The table is `tableName`, else TypeORM's snake_case of `name`;
 * string targets (`getRepository('Category')`) find it by `name`.
 */
export function visitEntitySchema(node: ts.NewExpression, env: OrmEnv): void {
  if (getTailName(node.expression) !== 'EntitySchema') return;
  const options = node.arguments?.[0];
  const name = getStringValue(getObjectProperty(options, 'name'));
  const symbol = getDeclaredSymbol(node);
  if (name === null || symbol === null) return;
  const given = getStringValue(getObjectProperty(options, 'tableName'));
  env.context.facts.entities.push({
    symbol,
    table: given ?? toSnakeCase(name),
    kind: 'table',
    via: 'typeorm',
    line: env.context.lineOf(node),
    modelName: name,
    ...(given === null ? { derivedFrom: { name } } : {}),
  });
}

/** The name the schema is known by in its file: its variable, `default`, or `*` for `module.exports`. */
function getDeclaredSymbol(node: ts.NewExpression): string | null {
  let child: ts.Node = node;
  let parent = node.parent;
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent))) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return null;
  if (ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isExportAssignment(parent)) return parent.isExportEquals ? '*' : 'default';
  if (ts.isBinaryExpression(parent) && parent.right === child && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = parent.left;
    if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && target.expression.text === 'module' && target.name.text === 'exports') return '*';
    if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && target.expression.text === 'exports') return target.name.text;
  }
  return null;
}
