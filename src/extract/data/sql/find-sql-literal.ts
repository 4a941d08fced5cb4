import ts from '../../../util/typescript.cjs';
import { getCalleeName, getTailName, skipOuterExpressions } from '../../syntax.js';
import { stripLeadingTrivia } from './scan-sql.js';

/** The last word of a receiver's name that says it is a database handle: `db`, `accountDb`, `getPool()`, `this.connection`. */
const DATABASE_WORDS = new Set(['db', 'database', 'sql', 'sqlite', 'conn', 'connection', 'client', 'pool', 'knex', 'trx', 'tx', 'transaction', 'driver', 'pg', 'mysql']);
/** A statement's first word, captured to tell `SELECT` from `Select`. */
const STATEMENT_WORD = /^\(*\s*(select|insert|replace|update|delete|with|merge|truncate|create|drop|alter|rename)\s/i;

/**
 * The arguments of a call that hold SQL although the call is no driver method seams knows:
 * better-sqlite3's `db.prepare(…)` and `db.exec(…)`, a project's own `accountDb.mutate(…)` or
 * `runQuery(…)`. A string is taken when it starts like a statement and either the call is made
 * on something named like a database handle or its first word is in capitals (`INSERT INTO`),
 * so that English ('Select an item from the list') passed to a logger or a translator is left
 * alone. The caller still requires the text to read as SQL (looksLikeSql or a schema statement).
 */
export function findSqlLiterals(call: ts.CallExpression): ts.Expression[] {
  const found: ts.Expression[] = [];
  let onDatabase: boolean | null = null;
  for (const argument of call.arguments) {
    const node = skipOuterExpressions(argument);
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text : null;
    const verb = text === null ? null : STATEMENT_WORD.exec(stripLeadingTrivia(text))?.[1];
    if (!verb) continue;
    onDatabase ??= isOnDatabaseHandle(call);
    if (onDatabase || verb === verb.toUpperCase()) found.push(node);
  }
  return found;
}

function isOnDatabaseHandle(call: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = skipOuterExpressions(callee.expression);
  const name = ts.isCallExpression(receiver) ? getCalleeName(receiver) : getTailName(receiver);
  if (name === null) return false;
  const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|[_$]+/).filter(Boolean);
  return words.length > 0 && DATABASE_WORDS.has(words[words.length - 1]!.toLowerCase());
}
