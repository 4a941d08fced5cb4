import ts from '../../../util/typescript.cjs';
import type { OrmEnv } from './orm-env.js';
import { findThisOwner } from './scope.js';
import { toSymbolTarget, type Value } from './values.js';
import { skipOuterExpressions } from '../../syntax.js';

/** The value a chain starts from: `this`, a variable or parameter, `this.member`, `new User()`. */
export function evaluateRoot(root: ts.Expression, env: OrmEnv): Value | null {
  const node = skipOuterExpressions(root);
  if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) {
    const owner = findThisOwner(node);
    return owner ? { kind: 'this', owner } : null;
  }
  if (ts.isIdentifier(node)) {
    const value = env.scope.lookup(node.text, node);
    if (value !== undefined) return value;
    const imported = env.context.facts.bindings.some((binding) => binding.local === node.text);
    return { kind: 'unknown', name: node.text, imported };
  }
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const owner = findThisOwner(node);
    return owner ? (env.scope.getMember(owner, node.name.text) ?? null) : null;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    return { kind: 'instance', entity: toSymbolTarget(node.expression.text, true) };
  }
  return null;
}
