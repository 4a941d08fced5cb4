import ts from '../../../util/typescript.cjs';
import { getObjectProperty, getTailName, skipOuterExpressions } from '../../syntax.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import { readSequelizeNaming } from './to-table-name.js';

/**
 * `new Sequelize(url, { define: { underscored: true, freezeTableName: true } })`: options every
 * model of the instance takes unless it sets its own, table naming among them. The options may be
 * a variable of the file (`const options = { … }; new Sequelize(url, options)`); the link step
 * applies them to the models of the whole project (correct-derived-table-names.ts).
 */
export function visitSequelizeConstruction(node: ts.NewExpression, env: OrmEnv): void {
  if (getTailName(node.expression) !== 'Sequelize') return;
  for (const argument of node.arguments ?? []) {
    const define = toObjectLiteral(getObjectProperty(toObjectLiteral(argument, node), 'define'), node);
    if (!define) continue;
    const naming = readSequelizeNaming(define);
    if (Object.keys(naming).length === 0) continue;
    const facts = env.context.facts;
    facts.sequelizeDefines ??= [];
    facts.sequelizeDefines.push({ naming, line: env.context.lineOf(node) });
  }
}

/** An object literal, written in place or held by a variable declared in an enclosing block of `site`. */
function toObjectLiteral(expression: ts.Expression | undefined, site: ts.Node): ts.ObjectLiteralExpression | undefined {
  if (!expression) return undefined;
  const node = skipOuterExpressions(expression);
  if (ts.isObjectLiteralExpression(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  for (let scope: ts.Node | undefined = site.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== node.text || !declaration.initializer) continue;
        const value = skipOuterExpressions(declaration.initializer);
        return ts.isObjectLiteralExpression(value) ? value : undefined;
      }
    }
  }
  return undefined;
}
