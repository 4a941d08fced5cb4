import ts from '../../util/typescript.cjs';
import { getDottedName } from '../state/get-name.js';
import { getStringValue, skipOuterExpressions } from '../syntax.js';
import type { VisitContext } from '../visitor.js';

/**
 * The key of a dependency-injection token as written: `str:` for a string, a `Symbol.for('x')`
 * or a string constant of this file (a container compares those by value), `sym:` for an
 * identifier or a member of one (`Mailer`, `TYPES.Mailer`), which the link step resolves to its
 * declaration wherever it was imported from.
 */
export function toDiToken(expression: ts.Expression | undefined, context: VisitContext): string | null {
  if (!expression) return null;
  const node = skipOuterExpressions(expression);
  const text = getStringValue(node);
  if (text !== null) return `str:${text}`;
  if (ts.isCallExpression(node) && node.arguments.length === 1 && getDottedName(node.expression) === 'Symbol.for') {
    const key = getStringValue(node.arguments[0]);
    return key === null ? null : `str:${key}`;
  }
  const name = getDottedName(node);
  if (name === null || name === 'this' || name.startsWith('this.')) return null;
  const constant = name.includes('.') ? undefined : getStringConstants(context.sourceFile).get(name);
  return constant === undefined ? `sym:${name}` : `str:${constant}`;
}

const stringConstantsByFile = new WeakMap<ts.SourceFile, Map<string, string>>();

/** The file's top-level `const NAME = 'text'` declarations, exported or not. */
function getStringConstants(sourceFile: ts.SourceFile): Map<string, string> {
  let constants = stringConstantsByFile.get(sourceFile);
  if (constants) return constants;
  constants = new Map();
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = getStringValue(declaration.initializer);
      if (ts.isIdentifier(declaration.name) && value !== null) constants.set(declaration.name.text, value);
    }
  }
  stringConstantsByFile.set(sourceFile, constants);
  return constants;
}
