import ts from '../../../util/typescript.cjs';
import type { TableRef } from '../../file-facts.js';
import { getCalleeName, getStringValue, getTailName, skipOuterExpressions } from '../../syntax.js';
import type { MongooseState } from './mongoose-state.js';

export interface ModelRef {
  ref: TableRef;
  /** A bare identifier may be an array or anything else with a `find`: drop it unless it is a model. */
  speculative: boolean;
}

/**
 * What a model method is called on: `User` (imported, or `const User = mongoose.model('User')`),
 * `this.catModel`, `mongoose.model('User')`, `mongoose.models.User`.
 */
export function getModelRef(receiver: ts.Expression, state: MongooseState): ModelRef | null {
  const node = skipOuterExpressions(receiver);
  if (ts.isIdentifier(node)) {
    const lookedUp = state.lookedUp.get(node.text);
    if (lookedUp) return { ref: { kind: 'model', orm: 'mongoose', name: lookedUp }, speculative: false };
    return { ref: { kind: 'symbol', name: node.text }, speculative: true };
  }
  if (ts.isPropertyAccessExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const modelName = state.injected.get(node.name.text);
      return modelName ? { ref: { kind: 'model', orm: 'mongoose', name: modelName }, speculative: false } : null;
    }
    if (getTailName(node.expression) === 'models') return { ref: { kind: 'model', orm: 'mongoose', name: node.name.text }, speculative: false };
    return null;
  }
  if (ts.isCallExpression(node) && getCalleeName(node) === 'model' && node.arguments.length === 1) {
    const modelName = getStringValue(node.arguments[0]);
    return modelName ? { ref: { kind: 'model', orm: 'mongoose', name: modelName }, speculative: false } : null;
  }
  return null;
}
