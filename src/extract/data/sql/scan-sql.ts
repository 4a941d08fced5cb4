/**
 * A small scanner over SQL text that knows just enough (quotes, quoted identifiers, comments,
 * dollar quotes, parentheses) to find top-level keywords and statement ends without parsing:
 * the parsers do the parsing; this only cuts text where they need help.
 */

/** Calls `onCode(index)` for every character that is outside strings, comments and quotes. */
function scanCode(sql: string, onCode: (index: number, depth: number) => boolean | undefined): void {
  let depth = 0;
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    const next = sql[index + 1];
    if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end + 1;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', index + 2);
      index = end === -1 ? sql.length : end + 2;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      index = skipQuoted(sql, index, char);
      continue;
    }
    if (char === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(index, index + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], index + tag[0].length);
        index = end === -1 ? sql.length : end + tag[0].length;
        continue;
      }
    }
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    if (onCode(index, depth) === true) return;
    index++;
  }
}

/** The index after the quote that closes the one at `start` (doubled quotes escape), or the text's length. */
export function skipQuoted(sql: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < sql.length) {
    if (sql[index] === '\\' && quote !== '"') {
      index += 2;
      continue;
    }
    if (sql[index] === quote) {
      if (sql[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index++;
  }
  return sql.length;
}

/** The text without leading whitespace and comments. */
export function stripLeadingTrivia(sql: string): string {
  let text = sql;
  for (;;) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('--')) {
      const end = trimmed.indexOf('\n');
      text = end === -1 ? '' : trimmed.slice(end + 1);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      text = end === -1 ? '' : trimmed.slice(end + 2);
    } else return trimmed;
  }
}

/** Statements of a script, cut at top-level semicolons; empty ones dropped. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  scanCode(sql, (index, depth) => {
    if (sql[index] === ';' && depth === 0) {
      statements.push(sql.slice(start, index));
      start = index + 1;
    }
    return undefined;
  });
  statements.push(sql.slice(start));
  return statements.filter((statement) => stripLeadingTrivia(statement).length > 0);
}

/** Index of the first top-level occurrence of a keyword at or after `from`, or -1. */
export function findTopLevelKeyword(sql: string, keyword: string, from = 0): number {
  const pattern = new RegExp(`^${keyword}\\b`, 'i');
  let found = -1;
  scanCode(sql, (index, depth) => {
    if (index < from || depth !== 0) return undefined;
    if (index > 0 && /[\w$]/.test(sql[index - 1]!)) return undefined;
    if (pattern.test(sql.slice(index, index + keyword.length + 1))) {
      found = index;
      return true;
    }
    return undefined;
  });
  return found;
}

/**
 * Rewrites `?` and `:name` placeholders (mysql2, Sequelize replacements) as `$n`, so that the
 * Postgres grammar accepts statements that only differ from Postgres in their placeholders.
 */
export function toNumberedPlaceholders(sql: string): string {
  let result = '';
  let last = 0;
  let count = 0;
  scanCode(sql, (index) => {
    const char = sql[index]!;
    if (char === '?' && !/[?|&]/.test(sql[index + 1] ?? '')) {
      result += `${sql.slice(last, index)}$${++count}`;
      last = index + 1;
    } else if (char === ':' && sql[index - 1] !== ':' && sql[index + 1] !== ':' && /[A-Za-z_]/.test(sql[index + 1] ?? '')) {
      const name = /^:[A-Za-z_]\w*/.exec(sql.slice(index))![0];
      result += `${sql.slice(last, index)}$${++count}`;
      last = index + name.length;
    }
    return undefined;
  });
  return result + sql.slice(last);
}
