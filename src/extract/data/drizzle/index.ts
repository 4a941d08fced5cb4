// Drizzle ORM: https://orm.drizzle.team/docs/sql-schema-declaration, https://orm.drizzle.team/docs/select
import ts from '../../../util/typescript.cjs';
import type { Workspace } from '../../../load/workspace.js';
import type { FileVisitor } from '../../visitor.js';
import { type DataAdapter, hasDependency } from '../adapter.js';
import { isChainTop } from '../call-chain.js';
import { createDeclarationReader } from './read-table-declaration.js';
import { visitDrizzleChain } from './visit-drizzle-chain.js';

/**
 * Table objects (`export const users = pgTable('users', …)`) are declarations; queries name
 * them by identifier, resolved to their declaration across files by the link step.
 */
export const drizzle: DataAdapter<true> = {
  name: 'drizzle',
  detect: (workspace: Workspace) => (hasDependency(workspace, 'drizzle-orm') ? true : null),
  createVisitor(): FileVisitor {
    const readDeclaration = createDeclarationReader();
    return {
      kinds: [ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.CallExpression],
      visit(node, context) {
        if (node.kind === ts.SyntaxKind.VariableDeclaration) {
          readDeclaration(node as ts.VariableDeclaration, context);
          return;
        }
        if (node.kind !== ts.SyntaxKind.CallExpression) return;
        const call = node as ts.CallExpression;
        if (isChainTop(call)) visitDrizzleChain(call, context);
      },
    };
  },
};
