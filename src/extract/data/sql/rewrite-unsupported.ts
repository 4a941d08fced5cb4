import { findTopLevelKeyword, stripLeadingTrivia } from './scan-sql.js';

/**
 * Neither pgsql-ast-parser nor node-sql-parser accepts Postgres' `DELETE … USING` or `MERGE`
 * (checked on 12.0.2 and 5.4.0). Both are cut at their top-level keywords into statements the
 * parsers do accept and that touch the same tables the same way:
 *
 *   DELETE FROM t USING a, b WHERE c RETURNING r  →  DELETE FROM t; SELECT 1 FROM a, b WHERE c
 *   MERGE INTO t USING s ON c WHEN …              →  DELETE FROM t; SELECT 1 FROM s
 *
 * Returns null when the statement is neither.
 */
export function rewriteUnsupported(statement: string): string[] | null {
  const text = stripLeadingTrivia(statement);
  const head = /^(delete\s+from|merge\s+into)\s/i.exec(text);
  if (!head) return null;
  const using = findTopLevelKeyword(text, 'using', head[0].length);
  if (using === -1) return null;
  const target = text.slice(head[0].length, using).trim();
  const afterUsing = using + 'using'.length;
  if (/^delete/i.test(head[1]!)) {
    const returning = findTopLevelKeyword(text, 'returning', afterUsing);
    const source = text.slice(afterUsing, returning === -1 ? text.length : returning).trim();
    return [`DELETE FROM ${target}`, `SELECT 1 FROM ${source}`];
  }
  const on = findTopLevelKeyword(text, 'on', afterUsing);
  if (on === -1) return null;
  return [`DELETE FROM ${target}`, `SELECT 1 FROM ${text.slice(afterUsing, on).trim()}`];
}

/** SQLite's conflict clause, `INSERT OR REPLACE INTO t`: neither parser reads it, and it changes no table. */
const SQLITE_CONFLICT_CLAUSE = /^insert\s+or\s+(?:replace|ignore|abort|fail|rollback)\s+into\s/i;

/** `INSERT OR IGNORE INTO t …` as `INSERT INTO t …`; any other statement as it is. */
export function withoutConflictClause(statement: string): string {
  const text = stripLeadingTrivia(statement);
  const clause = SQLITE_CONFLICT_CLAUSE.exec(text);
  return clause ? `INSERT INTO ${text.slice(clause[0].length)}` : statement;
}
