// Knex.js: https://knexjs.org/guide/query-builder.html
import ts from '../../../util/typescript.cjs';
import type { Workspace } from '../../../load/workspace.js';
import type { FileVisitor } from '../../visitor.js';
import { type DataAdapter, hasDependency } from '../adapter.js';
import { isChainTop } from '../call-chain.js';
import { visitKnexChain } from './visit-knex-chain.js';
import { readTableConstants } from '../table-constants.js';
import { getCalleeName, skipOuterExpressions } from '../../syntax.js';

/** `knex.raw(…)` is read by the sql adapter, which sees every SQL string. */
export const knex: DataAdapter<true> = {
  name: 'knex',
  detect: (workspace: Workspace) => (hasDependency(workspace, 'knex') ? true : null),
  createVisitor(): FileVisitor {
    // Names bound to `knex({...})` or `Knex({...})` in this file are instances whatever they are called.
    const instances = new Set<string>();
    return {
      kinds: [ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.CallExpression, ts.SyntaxKind.EnumDeclaration],
      visit(node, context) {
        if (node.kind === ts.SyntaxKind.EnumDeclaration || node.kind === ts.SyntaxKind.VariableDeclaration) {
          // `db(TABLE)` may name a constant of this module or of one it imports: the link step resolves it.
          for (const [symbol, value] of readTableConstants(node)) {
            const target = typeof value === 'string' ? { kind: 'table' as const, name: value } : { kind: 'symbol' as const, name: value.constant };
            context.facts.aliases.push({ symbol, target });
          }
        }
        if (node.kind === ts.SyntaxKind.VariableDeclaration) {
          const declaration = node as ts.VariableDeclaration;
          if (ts.isIdentifier(declaration.name) && declaration.initializer && isKnexFactoryCall(declaration.initializer)) {
            instances.add(declaration.name.text);
          }
          return;
        }
        if (node.kind !== ts.SyntaxKind.CallExpression) return;
        const call = node as ts.CallExpression;
        if (isChainTop(call)) visitKnexChain(call, instances, context);
      },
    };
  },
};

function isKnexFactoryCall(initializer: ts.Expression): boolean {
  const node = skipOuterExpressions(initializer);
  if (!ts.isCallExpression(node)) return false;
  const name = getCalleeName(node);
  if (name === 'knex' || name === 'Knex') return true;
  // require('knex')({...})
  const callee = skipOuterExpressions(node.expression);
  return ts.isCallExpression(callee) && getCalleeName(callee) === 'require' && callee.arguments[0] !== undefined && ts.isStringLiteral(callee.arguments[0]) && callee.arguments[0].text === 'knex';
}
