import ts from '../../util/typescript.cjs';
import { skipOuterExpressions } from '../syntax.js';

/** One step of a fluent chain: `.name(args)` when called, `.name` when only accessed. */
export interface ChainLink {
  name: string;
  /** Null for a property that is accessed but not called. */
  args: readonly ts.Expression[] | null;
  node: ts.Expression;
}

/** `root.a(x).b.c(y)` as its root expression and its links in source order. */
export interface CallChain {
  root: ts.Expression;
  /** True when the root itself is called: `knex('users')`, `db('users')`. */
  rootCalled: boolean;
  links: ChainLink[];
}

/**
 * Flattens a fluent chain from its outermost call. Query builders are chains, and one chain is
 * one query: reading it whole tells the table from the verb (`from` vs `insert`), whatever the
 * order the methods were called in.
 */
export function getCallChain(top: ts.Expression): CallChain {
  const links: ChainLink[] = [];
  let current = skipOuterExpressions(top);
  let rootCalled = false;
  for (;;) {
    if (ts.isCallExpression(current)) {
      const callee = skipOuterExpressions(current.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        links.push({ name: callee.name.text, args: current.arguments, node: current });
        current = skipOuterExpressions(callee.expression);
        continue;
      }
      if (ts.isIdentifier(callee)) {
        links.push({ name: callee.text, args: current.arguments, node: current });
        rootCalled = true;
        current = callee;
      }
      break;
    }
    if (ts.isPropertyAccessExpression(current)) {
      links.push({ name: current.name.text, args: null, node: current });
      current = skipOuterExpressions(current.expression);
      continue;
    }
    break;
  }
  links.reverse();
  return { root: current, rootCalled, links };
}

/** A call is the top of its chain when nothing is accessed on its result. */
export function isChainTop(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isNonNullExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return !(parent && (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node);
}
