// Mongoose: https://mongoosejs.com/docs/models.html, NestJS: https://docs.nestjs.com/techniques/mongodb
import ts from '../../../util/typescript.cjs';
import type { Workspace } from '../../../load/workspace.js';
import type { FileVisitor } from '../../visitor.js';
import { type DataAdapter, hasDependency } from '../adapter.js';
import { createMongooseState } from './mongoose-state.js';
import { visitModelCall } from './visit-model-call.js';
import { finishModelDeclarations, visitDeclarations } from './visit-model-declaration.js';

export const mongoose: DataAdapter<true> = {
  name: 'mongoose',
  detect: (workspace: Workspace) => (hasDependency(workspace, 'mongoose', '@nestjs/mongoose') ? true : null),
  createVisitor(): FileVisitor {
    const state = createMongooseState();
    return {
      kinds: [
        ts.SyntaxKind.CallExpression,
        ts.SyntaxKind.Decorator,
        ts.SyntaxKind.Parameter,
        ts.SyntaxKind.PropertyDeclaration,
        ts.SyntaxKind.VariableDeclaration,
      ],
      visit(node, context) {
        switch (node.kind) {
          case ts.SyntaxKind.CallExpression:
            visitModelCall(node as ts.CallExpression, state, context);
            return;
          case ts.SyntaxKind.Decorator:
          case ts.SyntaxKind.Parameter:
          case ts.SyntaxKind.PropertyDeclaration:
          case ts.SyntaxKind.VariableDeclaration:
            visitDeclarations(node, state, context);
            return;
        }
      },
      finish(context) {
        finishModelDeclarations(state, context);
      },
    };
  },
};
