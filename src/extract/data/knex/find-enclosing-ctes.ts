import ts from '../../../util/typescript.cjs';
import { CTE_METHODS } from './knex-methods.js';
import { toTableName } from './to-table-name.js';

/**
 * The names a Knex chain around `node` binds with `.with('ranked', …)` (also `withRecursive`,
 * `withMaterialized`): raw SQL inside that chain (`.with('totals', knex.raw('select count(*)
 * from ranked'))`) reads the CTE, not a table. Every call around `node` up to its statement is
 * searched, each with the calls it is chained on.
 */
export function findEnclosingCteNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  for (let current: ts.Node | undefined = node.parent; current && !isStatementLike(current); current = current.parent) {
    if (!ts.isCallExpression(current)) continue;
    for (let call: ts.Expression = current; ts.isCallExpression(call); ) {
      const callee = call.expression;
      if (!ts.isPropertyAccessExpression(callee)) break;
      if (CTE_METHODS.has(callee.name.text)) {
        const name = toTableName(call.arguments[0]);
        if (name) names.add(name);
      }
      call = callee.expression;
    }
  }
  return names;
}

function isStatementLike(node: ts.Node): boolean {
  return ts.isSourceFile(node) || ts.isBlock(node) || ts.isExpressionStatement(node) || ts.isReturnStatement(node) || ts.isVariableStatement(node);
}
