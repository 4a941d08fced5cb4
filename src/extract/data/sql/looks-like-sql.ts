import { stripLeadingTrivia } from './scan-sql.js';

/**
 * A string is taken for SQL only when it starts like a statement that touches tables, so that
 * messages such as 'update failed' or 'select a plan' passed to a `query()` are left alone (a
 * SELECT without FROM reads no table either way).
 */
const STATEMENT_STARTS = [
  /^\(*\s*select\s[\s\S]*\sfrom\s/i,
  /^insert\s+(?:ignore\s+|or\s+[a-z]+\s+)?into\s/i,
  /^replace\s+into\s/i,
  /^update\s+[\s\S]+\sset\s/i,
  /^delete\s+(?:[\w`"]+\s+)?from\s/i,
  /^with\s+(?:recursive\s+)?[\s\S]+\bas\s+(?:(?:not\s+)?materialized\s+)?\(/i,
  /^merge\s+into\s/i,
  /^truncate\s+(?:table\s+)?\S/i,
];

export function looksLikeSql(text: string): boolean {
  const statement = stripLeadingTrivia(text);
  return STATEMENT_STARTS.some((pattern) => pattern.test(statement));
}
