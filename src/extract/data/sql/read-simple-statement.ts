import { skipQuoted } from './scan-sql.js';
import type { SqlTableAccess } from './table-access.js';

/**
 * The tables of the simplest and most common statements, read from their tokens without a
 * parser: `SELECT … FROM t [alias] [WHERE …]`, `INSERT INTO t …`, `UPDATE t [alias] SET …`,
 * `DELETE FROM t [alias] [WHERE …]`. The parsers take ~2 ms per statement even warm (300
 * statements: ~0.5 s); this takes microseconds. Anything else returns null and is parsed: a
 * join, a subquery, a second FROM (`EXTRACT(YEAR FROM …)`), a CTE, a set operation, a function
 * in FROM, a placeholder for a table, a backtick or an unquoted name with capitals (whose case
 * the Postgres and MySQL grammars treat differently).
 */
export function readSimpleStatement(statement: string): SqlTableAccess[] | null {
  const tokens = tokenize(statement);
  if (!tokens || tokens.length < 3) return null;
  const counts = new Map<string, number>();
  for (const token of tokens) if (token.kind === 'word') counts.set(token.lower, (counts.get(token.lower) ?? 0) + 1);
  const count = (word: string) => counts.get(word) ?? 0;
  if (COMPLEX_WORDS.some((word) => count(word) > 0)) return null;
  const first = tokens[0]!;
  if (first.kind !== 'word') return null;
  switch (first.lower) {
    case 'select': {
      if (count('select') !== 1 || count('from') !== 1 || count('into') > 0) return null;
      const from = tokens.findIndex((token) => token.kind === 'word' && token.lower === 'from');
      if (tokens[from]!.depth !== 0) return null;
      const table = readTarget(tokens, from + 1, READ_CLAUSES);
      return table ? [{ table, access: 'read' }] : null;
    }
    case 'insert': {
      if (count('select') > 0 || count('from') > 0 || !isWord(tokens[1], 'into')) return null;
      const table = readTarget(tokens, 2, INSERT_FOLLOWERS, false);
      return table ? [{ table, access: 'write' }] : null;
    }
    case 'update': {
      if (count('select') > 0 || count('from') > 0) return null;
      const table = readTarget(tokens, 1, UPDATE_FOLLOWERS);
      return table ? [{ table, access: 'write' }] : null;
    }
    case 'delete': {
      if (count('select') > 0 || count('from') !== 1 || !isWord(tokens[1], 'from')) return null;
      const table = readTarget(tokens, 2, DELETE_FOLLOWERS);
      return table ? [{ table, access: 'write' }] : null;
    }
    default:
      return null;
  }
}

/** Words that make a statement more than one plain table access. */
const COMPLEX_WORDS = ['join', 'with', 'union', 'intersect', 'except', 'using', 'lateral', 'natural', 'only', 'merge', 'duplicate', 'low_priority', 'ignore', 'partition'];
const READ_CLAUSES = new Set(['where', 'group', 'order', 'limit', 'offset', 'having', 'fetch', 'for', 'window']);
const INSERT_FOLLOWERS = new Set(['values', 'default', 'set']);
const UPDATE_FOLLOWERS = new Set(['set']);
const DELETE_FOLLOWERS = new Set(['where', 'returning']);

interface Token {
  kind: 'word' | 'quoted' | 'param' | 'string' | 'number' | 'punct';
  text: string;
  lower: string;
  depth: number;
}

function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.lower === word;
}

/**
 * The table named at `start`, if what follows it is an optional alias and then the end, `(`
 * (an INSERT's column list) when allowed, or one of `followers`; otherwise null.
 */
function readTarget(tokens: Token[], start: number, followers: Set<string>, aliasAllowed = true): string | null {
  const parts: string[] = [];
  let index = start;
  for (;;) {
    const token = tokens[index];
    if (token?.depth !== 0) return null;
    if (token.kind === 'quoted') parts.push(token.text);
    else if (token.kind === 'word' && token.text === token.lower && !followers.has(token.lower) && !READ_CLAUSES.has(token.lower)) parts.push(token.text);
    else return null;
    index++;
    if (tokens[index]?.kind === 'punct' && tokens[index]!.text === '.') {
      index++;
      continue;
    }
    break;
  }
  if (parts.length > 2) return null;
  if (aliasAllowed && isWord(tokens[index], 'as')) index++;
  const alias = tokens[index];
  if (aliasAllowed && alias?.kind === 'word' && !followers.has(alias.lower) && !READ_CLAUSES.has(alias.lower)) index++;
  const next = tokens[index];
  const ends = next === undefined || (next.kind === 'word' && followers.has(next.lower)) || (!aliasAllowed && next.kind === 'punct' && next.text === '(');
  return ends ? parts.join('.') : null;
}

/** Words, quoted names, placeholders, strings, numbers and punctuation outside comments; null on a backtick. */
function tokenize(sql: string): Token[] | null {
  // MySQL escapes quotes with backslashes, which would cut strings where the parsers do not.
  if (sql.includes('\\')) return null;
  const tokens: Token[] = [];
  let depth = 0;
  let index = 0;
  const push = (kind: Token['kind'], text: string) => tokens.push({ kind, text, lower: text.toLowerCase(), depth });
  while (index < sql.length) {
    const char = sql[index]!;
    const next = sql[index + 1];
    if (/\s/.test(char)) {
      index++;
    } else if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', index);
      index = end < 0 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', index + 2);
      index = end < 0 ? sql.length : end + 2;
    } else if (char === '`' || char === '[') {
      return null;
    } else if (char === "'" || char === '"') {
      const end = skipQuoted(sql, index, char);
      // Unterminated, or an empty quoted name: left to the parsers.
      if (sql[end - 1] !== char || (char === '"' && end === index + 2)) return null;
      if (char === "'") push('string', sql.slice(index, end));
      else tokens.push({ kind: 'quoted', text: sql.slice(index + 1, end - 1).replaceAll('""', '"'), lower: '', depth });
      index = end;
    } else if (char === '$' && /\d/.test(next ?? '')) {
      const match = /^\$\d+/.exec(sql.slice(index))![0];
      push('param', match);
      index += match.length;
    } else if (char === '$') {
      return null; // a dollar-quoted string: leave it to the parser
    } else if (char === '?' || (char === ':' && /[A-Za-z_]/.test(next ?? '') && sql[index - 1] !== ':')) {
      const match = char === '?' ? '?' : /^:[A-Za-z_]\w*/.exec(sql.slice(index))![0];
      push('param', match);
      index += match.length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][\w$]*/.exec(sql.slice(index))![0];
      push('word', match);
      index += match.length;
    } else if (/\d/.test(char)) {
      const match = /^\d[\w.]*/.exec(sql.slice(index))![0];
      push('number', match);
      index += match.length;
    } else {
      if (char === ')') depth--;
      push('punct', char);
      if (char === '(') depth++;
      if (depth < 0) return null;
      index++;
    }
  }
  return tokens;
}
