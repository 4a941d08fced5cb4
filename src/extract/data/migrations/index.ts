// Migration APIs: node-pg-migrate (https://salsita.github.io/node-pg-migrate/), Sequelize's
// QueryInterface (https://sequelize.org/docs/v6/other-topics/migrations/), run by sequelize-cli
// or umzug, and TypeORM's QueryRunner (https://typeorm.io/docs/advanced-topics/migrations/).
// Knex's schema builder is read by the knex adapter.
import ts from '../../../util/typescript.cjs';
import type { Workspace } from '../../../load/workspace.js';
import { getObjectProperty, getTailName, skipOuterExpressions } from '../../syntax.js';
import type { FileVisitor } from '../../visitor.js';
import { type DataAdapter, hasDependency } from '../adapter.js';
import { isInRollback } from '../is-in-rollback.js';
import { recordCreatedTable, recordDroppedTable } from '../record-schema-change.js';

/** The names migrations give the API object: `pgm` (node-pg-migrate), `queryInterface` (Sequelize), `queryRunner` (TypeORM). */
const RECEIVERS = new Set(['pgm', 'queryInterface', 'queryRunner']);
const CREATE = new Set(['createTable']);
const DROP = new Set(['dropTable']);

/**
 * `pgm.createTable('users', …)` and `queryInterface.createTable('Users', …)` in a migration's
 * `up` declare a table; `dropTable` and `renameTable` remove one. The link step replays them
 * in file-name order, as for Knex, so only tables that still exist are declared.
 */
export const migrationApis: DataAdapter<true> = {
  name: 'migration-api',
  detect: (workspace: Workspace) => (hasDependency(workspace, 'node-pg-migrate', 'sequelize', 'sequelize-cli', 'umzug', 'typeorm') ? true : null),
  createVisitor(): FileVisitor {
    return {
      kinds: [ts.SyntaxKind.CallExpression],
      visit(node, context) {
        const call = node as ts.CallExpression;
        const callee = skipOuterExpressions(call.expression);
        if (!ts.isPropertyAccessExpression(callee)) return;
        const receiver = getTailName(callee.expression);
        if (!receiver || !RECEIVERS.has(receiver)) return;
        const method = callee.name.text;
        if (!CREATE.has(method) && !DROP.has(method) && method !== 'renameTable') return;
        if (isInRollback(call)) return;
        const table = toTableName(call.arguments[0]);
        if (!table) return;
        if (CREATE.has(method)) recordCreatedTable(context, 'migration', table, call);
        else if (DROP.has(method)) recordDroppedTable(context, 'migration', table, call);
        else {
          const renamed = toTableName(call.arguments[1]);
          if (!renamed) return;
          recordDroppedTable(context, 'migration', table, call);
          recordCreatedTable(context, 'migration', renamed, call);
        }
      },
    };
  },
};

/**
 * `'users'`, or `{ schema: 'app', name: 'users' }` (node-pg-migrate), `{ schema, tableName }`
 * (Sequelize), `new Table({ name: 'users', … })` (TypeORM).
 */
function toTableName(argument: ts.Expression | undefined): string | null {
  if (!argument) return null;
  let node = skipOuterExpressions(argument);
  if (ts.isStringLiteralLike(node)) return node.text || null;
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Table' && node.arguments?.[0]) {
    node = skipOuterExpressions(node.arguments[0]);
  }
  if (!ts.isObjectLiteralExpression(node)) return null;
  const name = getObjectProperty(node, 'name') ?? getObjectProperty(node, 'tableName');
  const schema = getObjectProperty(node, 'schema');
  if (!name || !ts.isStringLiteralLike(name) || !name.text) return null;
  return schema && ts.isStringLiteralLike(schema) && schema.text ? `${schema.text}.${name.text}` : name.text;
}
