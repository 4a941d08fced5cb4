import ts from '../../../util/typescript.cjs';
import { getStringValue, skipOuterExpressions } from '../../syntax.js';
import { evaluateRoot } from './evaluate-root.js';
import type { Run } from './repository-run.js';
import { isClassLikeName } from './syntax.js';
import { type EntityTarget, toSymbolTarget } from './values.js';

/**
 * The entity an argument names: a class (`User`), an entity name (`'User'`), or an instance
 * whose entity is known (`new User()`, a variable bound to `repo.create()` or typed `User`).
 */
export function toEntityTarget(argument: ts.Expression | undefined, run: Run, certain: boolean): EntityTarget | null {
  if (!argument) return null;
  const node = skipOuterExpressions(argument);
  const name = getStringValue(node);
  if (name !== null) return { ref: { kind: 'model', orm: run.dialect.orm, name }, speculative: !certain };
  if (ts.isIdentifier(node)) {
    const bound = run.env.scope.lookup(node.text, node);
    if (bound === null) return null;
    if (bound) return bound.kind === 'instance' || (bound.kind === 'repository' && bound.entity.speculative) ? bound.entity : null;
    return toSymbolTarget(node.text, !certain || !isClassLikeName(node.text));
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) return toSymbolTarget(node.expression.text, true);
  if (ts.isArrayLiteralExpression(node)) return toEntityTarget(node.elements[0], run, certain);
  if (ts.isCallExpression(node)) {
    const value = run.evaluate(node);
    return value?.kind === 'instance' ? value.entity : null;
  }
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const value = evaluateRoot(node, run.env);
    return value?.kind === 'instance' ? value.entity : null;
  }
  return null;
}


/** A string in `from()` or a join: the entity of that name if there is one (as TypeORM looks it up first), else the table. */
export function toNamedTarget(name: string, run: Run): EntityTarget {
  return {
    ref: { kind: 'either', refs: [{ kind: 'model', orm: run.dialect.orm, name }, { kind: 'table', name }] },
    speculative: false,
  };
}

