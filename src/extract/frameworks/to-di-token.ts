import ts from '../../util/typescript.cjs';
import { getDottedName } from '../state/get-name.js';
import { getStringValue, skipOuterExpressions } from '../syntax.js';

/**
 * The key of a dependency-injection token as written: `str:` for a string or a `Symbol.for('x')`
 * (a container compares those by value), `sym:` for an identifier or a member of one (`Mailer`,
 * `TYPES.Mailer`, `DATA_SOURCE`), which the link step resolves to its declaration wherever it
 * was imported from, and to its value when that is a string constant.
 */
export function toDiToken(expression: ts.Expression | undefined): string | null {
  if (!expression) return null;
  const node = skipOuterExpressions(expression);
  const text = getStringValue(node);
  if (text !== null) return `str:${text}`;
  if (ts.isCallExpression(node) && node.arguments.length === 1 && getDottedName(node.expression) === 'Symbol.for') {
    const key = getStringValue(node.arguments[0]);
    return key === null ? null : `str:${key}`;
  }
  const name = getDottedName(node);
  return name === null || name === 'this' || name.startsWith('this.') ? null : `sym:${name}`;
}
