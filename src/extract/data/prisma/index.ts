// Prisma ORM: https://www.prisma.io/docs/orm/prisma-client/queries/crud
import ts from '../../../util/typescript.cjs';
import type { Workspace } from '../../../load/workspace.js';
import type { FileVisitor } from '../../visitor.js';
import { type DataAdapter, type DeclaredModel, hasDependency } from '../adapter.js';
import type { PrismaSchema } from './prisma-schema.js';
import { readPrismaSchema } from './read-prisma-schema.js';
import { visitPrismaCall } from './visit-prisma-call.js';

/** Raw queries (`$queryRaw` and friends) are read by the sql adapter, which sees every SQL string. */
export const prisma: DataAdapter<PrismaSchema> = {
  name: 'prisma',
  detect(workspace: Workspace): PrismaSchema | null {
    const hasSchemaFile = Object.keys(workspace.dataFiles).some((file) => file.endsWith('.prisma'));
    if (!hasSchemaFile && !hasDependency(workspace, '@prisma/client', 'prisma')) return null;
    // A schema that does not parse is a diagnostic of the run, not a reason to stop it.
    const schema = readPrismaSchema(workspace.dataFiles, workspace.diagnostics);
    return schema.models.length > 0 ? schema : null;
  },
  createVisitor(schema: PrismaSchema): FileVisitor {
    const byClientName = new Map(schema.models.map((model) => [model.clientName, model]));
    const byName = new Map(schema.models.map((model) => [model.name, model]));
    return {
      kinds: [ts.SyntaxKind.CallExpression],
      visit(node, context) {
        if (node.kind === ts.SyntaxKind.CallExpression) visitPrismaCall(node as ts.CallExpression, byClientName, byName, context);
      },
    };
  },
  getDeclaredModels(schema: PrismaSchema): DeclaredModel[] {
    return [
      ...schema.models.map((model) => ({
        orm: 'prisma',
        modelName: model.clientName,
        table: model.table,
        kind: 'table' as const,
        file: model.file,
        line: model.line,
      })),
      ...schema.junctions.map((junction) => ({
        orm: 'prisma',
        modelName: junction.table,
        table: junction.table,
        kind: 'table' as const,
        file: junction.file,
        line: junction.line,
      })),
    ];
  },
};
