import ts from '../../util/typescript.cjs';
import { getStringValue, skipOuterExpressions } from '../syntax.js';

/** A topic, queue or job name as written: a literal's value, or a reference to resolve. */
export interface WrittenName {
  text: string;
  /** A string literal (final), or the dotted path of a constant, class or enum member. */
  literal: boolean;
}

/**
 * The name an event topic, queue or job is known by: a string literal's value, `X.name` → `X`
 * (NestJS code often keys events by class name), a constant's dotted path (`OrderEvents.PLACED`)
 * or a class in `new X()`. Publisher and subscriber usually name a topic the same way, so
 * matching on the constant's name works across files; constants of the same file are resolved
 * to their string value at the end of the walk.
 */
export function getName(expression: ts.Expression | undefined): WrittenName | null {
  if (!expression) return null;
  const literal = getStringValue(expression);
  if (literal !== null) return { text: literal, literal: true };
  const inner = skipOuterExpressions(expression);
  if (inner !== expression) return getName(inner);
  let text: string | null = null;
  if (ts.isIdentifier(expression)) text = expression.text;
  else if (ts.isNewExpression(expression)) text = getDottedName(expression.expression);
  else if (ts.isPropertyAccessExpression(expression)) {
    text =
      expression.name.text === 'name' && ts.isIdentifier(expression.expression) ? expression.expression.text : getDottedName(expression);
  }
  return text === null ? null : { text, literal: false };
}

/** `a.b.c` for a chain of identifiers; null for anything computed. */
export function getDottedName(expression: ts.Expression): string | null {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) {
    const left = getDottedName(expression.expression);
    return left === null ? null : `${left}.${expression.name.text}`;
  }
  return null;
}


/** The last name of a call's receiver: `this.eventEmitter.emit` → `eventEmitter`, `bus.emit` → `bus`. */
export function getReceiverName(callee: ts.PropertyAccessExpression): string | null {
  const receiver = skipOuterExpressions(callee.expression);
  if (receiver.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isIdentifier(receiver)) return receiver.text;
  if (ts.isPropertyAccessExpression(receiver)) return receiver.name.text;
  return null;
}

/** The name of the class that encloses a node, or null. */
export function getEnclosingClassName(node: ts.Node): string | null {
  for (let current = node.parent; current; current = current.parent) {
    if ((ts.isClassDeclaration(current) || ts.isClassExpression(current)) && current.name) return current.name.text;
  }
  return null;
}
