import { createRequire } from 'node:module';
import { readSimpleStatement } from './read-simple-statement.js';
import { rewriteUnsupported, withoutConflictClause } from './rewrite-unsupported.js';
import { splitStatements, toNumberedPlaceholders } from './scan-sql.js';
import { DynamicTableError, type SqlTableAccess, toUniqueAccesses } from './table-access.js';
import { walkMysqlAst } from './walk-mysql-ast.js';
import { walkPostgresAst } from './walk-postgres-ast.js';

export type { SqlTableAccess } from './table-access.js';

interface PostgresParser {
  parse(sql: string): unknown[];
}
interface MysqlParser {
  astify(sql: string, options: { database: string }): unknown;
}

const require = createRequire(import.meta.url);
let postgres: PostgresParser | null = null;
let mysql: MysqlParser | null = null;

/** The parsers load on the first SQL string, so projects without raw SQL never pay for them. */
function getPostgresParser(): PostgresParser {
  postgres ??= require('pgsql-ast-parser') as PostgresParser;
  return postgres;
}

function getMysqlParser(): MysqlParser {
  if (!mysql) {
    const module = require('node-sql-parser/build/mysql.js') as { Parser: new () => MysqlParser };
    mysql = new module.Parser();
  }
  return mysql;
}

/**
 * The tables one SQL text reads and writes, or null when it does not parse or names a table
 * only at run time (a placeholder where a table belongs). Postgres grammar first
 * (pgsql-ast-parser), the same with `?`/`:name` placeholders renumbered, then MySQL's
 * (node-sql-parser) for backticks and other dialect syntax.
 */
export function getSqlTableAccesses(sql: string): SqlTableAccess[] | null {
  const accesses: SqlTableAccess[] = [];
  for (const statement of splitStatements(sql)) {
    const found = getCachedStatementAccesses(statement);
    if (found === null) return null;
    accesses.push(...found);
  }
  return toUniqueAccesses(accesses);
}

/** Parsing one statement takes ~3 ms even warm, and repositories repeat their statements. */
const MAX_CACHED_STATEMENTS = 10_000;
const statementCache = new Map<string, SqlTableAccess[] | null>();

function getCachedStatementAccesses(statement: string): SqlTableAccess[] | null {
  let found = statementCache.get(statement);
  if (found === undefined) {
    found = getStatementAccesses(statement);
    if (statementCache.size >= MAX_CACHED_STATEMENTS) statementCache.clear();
    statementCache.set(statement, found);
  }
  return found;
}

function getStatementAccesses(written: string): SqlTableAccess[] | null {
  const statement = withoutConflictClause(written);
  return readSimpleStatement(statement) ?? getStatementAccessesByParsing(statement) ?? getSubqueryFragmentAccesses(statement);
}

/**
 * A select-list fragment passed to a query builder, `knex.raw('(SELECT COUNT(*) FROM api_tokens
 * WHERE …) as api_token_count')`, is no statement of its own; the subquery inside it is.
 */
function getSubqueryFragmentAccesses(statement: string): SqlTableAccess[] | null {
  const fragment = /^\s*\(([\s\S]+)\)\s*(?:as\s+[\w"]+)?\s*$/i.exec(statement);
  if (!fragment || !/^\s*select\b/i.test(fragment[1]!) || !isBalanced(fragment[1]!)) return null;
  return getStatementAccesses(fragment[1]!);
}

/** Whether the parentheses of `text` close in order, so that `(a) + (b)` is not read as one group. */
function isBalanced(text: string): boolean {
  let depth = 0;
  for (const character of text) {
    if (character === '(') depth++;
    else if (character === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** The parsers alone; also the reference that readSimpleStatement is tested against. */
export function getStatementAccessesByParsing(statement: string): SqlTableAccess[] | null {
  try {
    // `?` and `:name` are far more often placeholders than Postgres operators, and a parse that
    // fails costs as much as one that succeeds, so the renumbered text goes first.
    const numbered = toNumberedPlaceholders(statement);
    const postgresAccesses =
      numbered === statement ? parseWithPostgres(statement) : (parseWithPostgres(numbered) ?? parseWithPostgres(statement));
    if (postgresAccesses) return postgresAccesses;
    const parts = rewriteUnsupported(statement);
    if (parts) {
      const accesses = parts.map((part) => getStatementAccessesByParsing(part));
      return accesses.every((found) => found !== null) ? accesses.flat() : null;
    }
    return parseWithMysql(statement);
  } catch (error) {
    if (error instanceof DynamicTableError) return null;
    throw error;
  }
}

function parseWithPostgres(statement: string): SqlTableAccess[] | null {
  let ast: unknown[];
  try {
    ast = getPostgresParser().parse(statement);
  } catch {
    return null;
  }
  return ast.flatMap((node) => walkPostgresAst(node));
}

function parseWithMysql(statement: string): SqlTableAccess[] | null {
  let ast: unknown;
  try {
    ast = getMysqlParser().astify(statement, { database: 'MySQL' });
  } catch {
    return null;
  }
  return walkMysqlAst(ast);
}
