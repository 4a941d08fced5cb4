// Raw SQL as drivers take it: https://node-postgres.com/features/queries, https://sidorares.github.io/node-mysql2/docs, https://vitaly-t.github.io/pg-promise/Database.html
import ts from '../../../util/typescript.cjs';
import { getObjectProperty, skipOuterExpressions } from '../../syntax.js';
import type { FileVisitor } from '../../visitor.js';
import type { Workspace } from '../../../load/workspace.js';
import type { DataAdapter, DeclaredModel } from '../adapter.js';
import { getCalleeName } from '../call-chain.js';
import { getSqlText } from './get-sql-text.js';
import { looksLikeSql } from './looks-like-sql.js';
import { readSqlSchemaFiles } from './read-sql-schema-files.js';
import { recordSqlAccesses } from './record-sql-accesses.js';

export { getSqlTableAccesses } from './get-sql-table-accesses.js';
export { recordSqlAccesses } from './record-sql-accesses.js';

/** Functions and methods that take SQL text first: pg, mysql2, pg-promise, TypeORM, Sequelize, knex, Prisma, postgres.js. */
const SQL_FUNCTIONS = new Set([
  'query',
  'execute',
  'raw',
  '$queryRaw',
  '$executeRaw',
  '$queryRawUnsafe',
  '$executeRawUnsafe',
  'unsafe',
  'many',
  'one',
  'any',
  'none',
  'oneOrNone',
  'manyOrNone',
]);
/** Tags of tagged templates that hold SQL: `sql`, `Prisma.sql`, `prisma.$queryRaw`. */
const SQL_TAGS = new Set(['sql', 'SQL', '$queryRaw', '$executeRaw']);

export const sql: DataAdapter<DeclaredModel[]> = {
  name: 'sql',
  /** Raw SQL is generic: any project may pass strings to a driver. Its SQL scripts declare tables. */
  detect: (workspace: Workspace) => readSqlSchemaFiles(workspace.dataFiles),
  getDeclaredModels: (tables) => tables,
  createVisitor(): FileVisitor {
    const constants = new Map<string, string>();
    const pending: { name: string; node: ts.Node }[] = [];
    return {
      kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.TaggedTemplateExpression, ts.SyntaxKind.VariableDeclaration],
      visit(node, context) {
        if (ts.isCallExpression(node)) {
          const name = getCalleeName(node);
          if (name === null || !SQL_FUNCTIONS.has(name)) return;
          const argument = getSqlArgument(node.arguments[0]);
          if (!argument) return;
          if (ts.isIdentifier(argument)) {
            pending.push({ name: argument.text, node });
            return;
          }
          const text = getSqlText(argument);
          if (text !== null && looksLikeSql(text)) recordSqlAccesses(text, argument, context);
        } else if (ts.isTaggedTemplateExpression(node)) {
          const tag = skipOuterExpressions(node.tag);
          const name = ts.isIdentifier(tag) ? tag.text : ts.isPropertyAccessExpression(tag) ? tag.name.text : null;
          if (name === null || !SQL_TAGS.has(name)) return;
          const text = getSqlText(node.template);
          if (text !== null && looksLikeSql(text)) recordSqlAccesses(text, node.template, context);
        } else if (ts.isVariableDeclaration(node)) {
          if (!ts.isIdentifier(node.name) || !node.initializer || !isConst(node)) return;
          const text = getSqlText(node.initializer);
          if (text !== null && looksLikeSql(text)) constants.set(node.name.text, text);
        }
      },
      finish(context) {
        // A constant may be declared below the function that runs it: settle them at the end.
        for (const { name, node } of pending) {
          const text = constants.get(name);
          if (text !== undefined) recordSqlAccesses(text, node, context);
        }
      },
    };
  },
};

/** The SQL argument itself, or the `text`/`sql` of a pg/mysql2 query config object. */
function getSqlArgument(argument: ts.Expression | undefined): ts.Expression | undefined {
  if (!argument) return undefined;
  const node = skipOuterExpressions(argument);
  if (ts.isObjectLiteralExpression(node)) return getObjectProperty(node, 'text') ?? getObjectProperty(node, 'sql');
  return node;
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}
