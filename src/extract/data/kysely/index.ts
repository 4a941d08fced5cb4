// Kysely: https://kysely.dev/docs/category/examples
import ts from '../../../util/typescript.cjs';
import type { Workspace } from '../../../load/workspace.js';
import type { FileVisitor } from '../../visitor.js';
import { type DataAdapter, hasDependency } from '../adapter.js';
import { isChainTop } from '../call-chain.js';
import { visitKyselyChain } from './visit-kysely-chain.js';

export const kysely: DataAdapter<true> = {
  name: 'kysely',
  detect: (workspace: Workspace) => (hasDependency(workspace, 'kysely') ? true : null),
  createVisitor(): FileVisitor {
    return {
      kinds: [ts.SyntaxKind.CallExpression],
      visit(node, context) {
        if (node.kind !== ts.SyntaxKind.CallExpression) return;
        const call = node as ts.CallExpression;
        if (isChainTop(call)) visitKyselyChain(call, context);
      },
    };
  },
};
