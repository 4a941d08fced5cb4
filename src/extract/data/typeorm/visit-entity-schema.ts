import ts from '../../../util/typescript.cjs';
import { getObjectProperty, getStringValue } from '../../syntax.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import { toSnakeCase } from './to-table-name.js';

const NEW_EXPRESSION = ts.SyntaxKind.NewExpression;

/** `const CategorySchema = new EntitySchema({ name: 'category', tableName: 'categories' })`. */
export function visitEntitySchema(node: ts.VariableDeclaration, env: OrmEnv): void {
  const initializer = node.initializer;
  if (initializer?.kind !== NEW_EXPRESSION || !ts.isNewExpression(initializer) || !ts.isIdentifier(node.name)) return;
  if (!ts.isIdentifier(initializer.expression) || initializer.expression.text !== 'EntitySchema') return;
  const options = initializer.arguments?.[0];
  const name = getStringValue(getObjectProperty(options, 'name'));
  if (name === null) return;
  const table = getStringValue(getObjectProperty(options, 'tableName')) ?? toSnakeCase(name);
  env.context.facts.entities.push({ symbol: node.name.text, table, kind: 'table', via: 'typeorm', line: env.context.lineOf(node), modelName: name });
}
