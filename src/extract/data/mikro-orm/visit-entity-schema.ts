import ts from '../../../util/typescript.cjs';
import { getObjectProperty, getStringValue } from '../../syntax.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import type { MikroOrmOptions } from './options.js';
import { toMongoCollection, toUnderscore } from './to-table-name.js';

const NEW_EXPRESSION = ts.SyntaxKind.NewExpression;
const CALL_EXPRESSION = ts.SyntaxKind.CallExpression;

/** `export const BookSchema = new EntitySchema({ name: 'Book', tableName: 'books' })`, or `defineEntity({...})`. */
export function visitEntitySchema(node: ts.VariableDeclaration, env: OrmEnv, options: MikroOrmOptions): void {
  const initializer = node.initializer;
  if ((initializer?.kind !== NEW_EXPRESSION && initializer?.kind !== CALL_EXPRESSION) || !ts.isIdentifier(node.name)) return;
  const isSchema =
    (ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === 'EntitySchema') ||
    (ts.isCallExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === 'defineEntity');
  if (!isSchema) return;
  const settings = (initializer as ts.NewExpression | ts.CallExpression).arguments?.[0];
  const name = getStringValue(getObjectProperty(settings, 'name'));
  if (name === null || getObjectProperty(settings, 'abstract')?.kind === ts.SyntaxKind.TrueKeyword) return;
  const given = getStringValue(getObjectProperty(settings, 'tableName')) ?? getStringValue(getObjectProperty(settings, 'collection'));
  const table = given ?? (options.mongo ? toMongoCollection(name) : toUnderscore(name));
  env.context.facts.entities.push({
    symbol: node.name.text,
    table,
    kind: options.mongo ? 'collection' : 'table',
    via: 'mikro-orm',
    line: env.context.lineOf(node),
    modelName: name,
    ...(given === null && !options.mongo ? { derivedFrom: { name } } : {}),
  });
}
