// Raw SQL as drivers take it: https://node-postgres.com/features/queries, https://sidorares.github.io/node-mysql2/docs, https://vitaly-t.github.io/pg-promise/Database.html
import ts from '../../../util/typescript.cjs';
import { getCalleeName, getObjectProperty, getPropertyName, getTailName, skipOuterExpressions } from '../../syntax.js';
import type { FileVisitor, VisitContext } from '../../visitor.js';
import type { Workspace } from '../../../load/workspace.js';
import type { DataAdapter, DeclaredModel } from '../adapter.js';
import { getSqlText, type SpanResolver } from './get-sql-text.js';
import { getDottedName } from '../../state/get-name.js';
import { readTableConstants, type TableConstant, toConstantName } from '../table-constants.js';
import { isSchemaHistory } from '../../../util/is-schema-history.js';
import { isModuleExports } from '../../imports/record-object-exports.js';
import { findTransactionId, toQueryId } from '../find-transaction-id.js';
import { isInRollback } from '../is-in-rollback.js';
import { recordCreatedTable, recordDroppedTable } from '../record-schema-change.js';
import { findSqlLiterals } from './find-sql-literal.js';
import { looksLikeSql } from './looks-like-sql.js';
import { splitStatements, stripLeadingTrivia } from './scan-sql.js';
import { readSchemaStatement, readSqlSchemaFiles } from './read-sql-schema-files.js';
import { recordSqlAccesses } from './record-sql-accesses.js';

export { getSqlTableAccesses } from './get-sql-table-accesses.js';
export { recordSqlAccesses } from './record-sql-accesses.js';

/**
 * Functions and methods that take SQL text first: pg, mysql2, pg-promise, TypeORM, Sequelize,
 * knex, Prisma, postgres.js, better-sqlite3, and the migration APIs of MikroORM
 * (`this.addSql`), node-pg-migrate (`pgm.sql`) and db-migrate (`db.runSql`).
 */
const SQL_FUNCTIONS = new Set([
  'query',
  'prepare',
  'exec',
  'addSql',
  'sql',
  'runSql',
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
/** A schema statement anywhere in the text, the cheap test before it is split. */
const SCHEMA_STATEMENT = /\b(?:create|drop|alter|rename)\s[\s\S]*?\btable\s/i;
/** Stands for an imported constant in SQL text; lower case, as an unquoted name is folded to it. */
const IMPORTED_CONSTANT_PREFIX = 'seams_imported_constant_';
/** `const A = B`, `const B = C`, …: how far one file's constants are followed. */
const MAX_CONSTANT_STEPS = 8;
/** Tags of tagged templates that hold SQL: `sql`, `Prisma.sql`, `prisma.$queryRaw`. */
const SQL_TAGS = new Set(['sql', 'SQL', '$queryRaw', '$executeRaw']);

export const sql: DataAdapter<DeclaredModel[]> = {
  name: 'sql',
  /** Raw SQL is generic: any project may pass strings to a driver. Its SQL scripts declare tables. */
  detect: (workspace: Workspace) => readSqlSchemaFiles(workspace.dataFiles),
  getDeclaredModels: (tables) => tables,
  createVisitor(): FileVisitor {
    const sqlConstants = new Map<string, ts.Expression>();
    const moduleConstants = new Map<string, ts.Expression>();
    const tableConstants = new Map<string, TableConstant>();
    const pending: { argument: ts.Expression; node: ts.Node }[] = [];
    return {
      kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.TaggedTemplateExpression, ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.EnumDeclaration],
      visit(node, context) {
        if (ts.isCallExpression(node)) {
          const name = getCalleeName(node);
          if (name === null || !SQL_FUNCTIONS.has(name)) {
            for (const literal of findSqlLiterals(node)) {
              if (ts.isTemplateExpression(literal)) pending.push({ argument: literal, node: literal });
              else record(literal, literal, context);
            }
            return;
          }
          const argument = getSqlArgument(node.arguments[0]);
          if (!argument) return;
          if (ts.isIdentifier(argument) || isMemberOfIdentifier(argument)) pending.push({ argument, node });
          else if (ts.isTemplateExpression(argument) || ts.isBinaryExpression(argument)) pending.push({ argument, node: argument });
          else record(argument, argument, context);
        } else if (ts.isTaggedTemplateExpression(node)) {
          const name = getTailName(node.tag);
          if (name === null || !SQL_TAGS.has(name)) return;
          if (ts.isTemplateExpression(node.template)) pending.push({ argument: node.template, node: node.template });
          else record(node.template, node.template, context);
        } else {
          for (const [constant, table] of readTableConstants(node)) tableConstants.set(constant, table);
          if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isConst(node)) {
            sqlConstants.set(node.name.text, node.initializer);
            if (ts.isSourceFile(node.parent.parent.parent)) moduleConstants.set(node.name.text, node.initializer);
          }
        }
      },
      finish(context) {
        // Constants may be declared below the code that uses them: queries that name one (a
        // query kept in a const, a template with `${TABLE}`) are settled once the file is read.
        // A constant imported from another module is only known at link time: it goes into the
        // SQL as a placeholder name, which the parser reads as a table where it names one.
        const imported = new Set(context.facts.bindings.map((binding) => binding.local));
        const placeholders = new Map<string, string>();
        const symbols = new Map<string, string>();
        const resolveSpan = (expression: ts.Expression) => {
          const name = toConstantName(expression);
          if (name === null) return null;
          let value = tableConstants.get(name);
          for (let step = 0; value !== undefined && typeof value !== 'string' && step < MAX_CONSTANT_STEPS; step++) value = tableConstants.get(value.constant);
          if (typeof value === 'string') return value;
          if (!imported.has(name.split('.')[0]!)) return null;
          let placeholder = placeholders.get(name);
          if (!placeholder) {
            placeholder = `${IMPORTED_CONSTANT_PREFIX}${placeholders.size + 1}`;
            placeholders.set(name, placeholder);
            symbols.set(placeholder, name);
          }
          return placeholder;
        };
        for (const { argument, node } of pending) {
          const constant = ts.isTemplateExpression(argument) || ts.isBinaryExpression(argument) ? null : getDottedName(skipOuterExpressions(argument));
          const source = ts.isTemplateExpression(argument) || ts.isBinaryExpression(argument) ? argument : constant === null ? undefined : findConstantValue(sqlConstants, constant);
          if (source) record(source, node, context, resolveSpan, symbols);
          else if (constant !== null && imported.has(constant.split('.')[0]!) && !isSchemaHistory(context.facts.path)) recordSqlUse(constant, node, context);
        }
        // Another module reads these texts without this module's imports: only local constants are filled in.
        const resolveLocalSpan = (expression: ts.Expression) => {
          const value = resolveSpan(expression);
          return value?.startsWith(IMPORTED_CONSTANT_PREFIX) ? null : value;
        };
        recordSqlTexts(moduleConstants, resolveLocalSpan, context);
      },
    };
  },
};

/**
 * Records `source`'s SQL at `at` when it is SQL: the call that runs a query kept in a constant,
 * else the literal itself. Text that changes the schema (`db.exec('CREATE TABLE …; INSERT …')`,
 * as SQLite apps and hand-rolled migrations do) is read statement by statement: its CREATE, DROP
 * and renames are schema changes, replayed with the migrations'; the rest are queries.
 */
function record(source: ts.Expression, at: ts.Node, context: VisitContext, resolveSpan?: SpanResolver, symbols?: Map<string, string>): void {
  const text = getSqlText(source, resolveSpan);
  if (text === null) return;
  // A migration's queries fill or fix tables once and count for no service; parsing them cost
  // Unleash's 374 migrations a second. Their schema statements, read by pattern, still count.
  const queriesCount = !isSchemaHistory(context.facts.path);
  if (!SCHEMA_STATEMENT.test(text)) {
    if (queriesCount && looksLikeSql(text)) recordSqlAccesses(text, at, context, 'sql', symbols);
    return;
  }
  // A migration's rollback copies tables back and forth through scratch tables the schema never keeps.
  if (isInRollback(at)) return;
  for (const statement of splitStatements(text)) {
    const changes = readSchemaStatement(stripLeadingTrivia(statement));
    if (changes.length === 0) {
      if (queriesCount && looksLikeSql(statement)) recordSqlAccesses(statement, at, context, 'sql', symbols);
      continue;
    }
    for (const { table, created } of changes) {
      if (created) recordCreatedTable(context, 'sql', table, at);
      else recordDroppedTable(context, 'sql', table, at);
    }
  }
}

function isMemberOfIdentifier(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && getDottedName(node) !== null;
}

/** `NAME` → its initializer; `queries.byEmail` → the property of the object `queries` is. */
function findConstantValue(constants: ReadonlyMap<string, ts.Expression>, name: string): ts.Expression | undefined {
  const [base, member] = name.split('.') as [string, string | undefined];
  const value = constants.get(base);
  if (!value || member === undefined) return value;
  const object = skipOuterExpressions(value);
  return ts.isObjectLiteralExpression(object) ? getObjectProperty(object, member) : undefined;
}

/** A query that runs an imported constant's SQL, settled at link time when that module's constants are known. */
function recordSqlUse(symbol: string, node: ts.Node, context: VisitContext): void {
  const transactionId = findTransactionId(node);
  context.facts.sqlUses ??= [];
  context.facts.sqlUses.push({ symbol, line: context.lineOf(node), queryId: toQueryId(node), ...(transactionId ? { transactionId } : {}) });
}

/** The module's constants that hold SQL, and the SQL members of its constant objects, for the files that import them. */
function recordSqlTexts(constants: ReadonlyMap<string, ts.Expression>, resolveSpan: SpanResolver, context: VisitContext): void {
  const add = (symbol: string, value: ts.Expression) => {
    const text = getSqlText(skipOuterExpressions(value), resolveSpan);
    if (text === null || !looksLikeSql(text) || SCHEMA_STATEMENT.test(text)) return;
    context.facts.sqlTexts ??= [];
    context.facts.sqlTexts.push({ symbol, text });
  };
  for (const [name, initializer] of [...constants, ...getExportedValues(context.sourceFile)]) {
    const value = skipOuterExpressions(initializer);
    if (!ts.isObjectLiteralExpression(value)) {
      add(name, value);
      continue;
    }
    for (const property of value.properties) {
      const key = ts.isPropertyAssignment(property) ? getPropertyName(property.name) : null;
      if (key !== null) add(`${name}.${key}`, (property as ts.PropertyAssignment).initializer);
    }
  }
}

/**
 * Values a module exports without a `const` of its own: `exports.LIST = '…'` and
 * `module.exports.LIST = '…'` as [LIST, value], `module.exports = { LIST: '…' }` as its
 * properties, `export default { del: '…' }` as [default, the object].
 */
function getExportedValues(sourceFile: ts.SourceFile): [string, ts.Expression][] {
  const found: [string, ts.Expression][] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) found.push(['default', statement.expression]);
    if (!ts.isExpressionStatement(statement)) continue;
    const assignment = statement.expression;
    if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = assignment.left;
    if (isModuleExports(target)) {
      const value = skipOuterExpressions(assignment.right);
      if (!ts.isObjectLiteralExpression(value)) continue;
      for (const property of value.properties) {
        const key = ts.isPropertyAssignment(property) ? getPropertyName(property.name) : null;
        if (key !== null) found.push([key, (property as ts.PropertyAssignment).initializer]);
      }
    } else if (ts.isPropertyAccessExpression(target) && (isModuleExports(target.expression) || (ts.isIdentifier(target.expression) && target.expression.text === 'exports'))) {
      found.push([target.name.text, assignment.right]);
    }
  }
  return found;
}

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
