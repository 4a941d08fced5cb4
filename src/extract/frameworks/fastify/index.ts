// Fastify decorators: https://fastify.dev/docs/latest/Reference/Decorators/
import type { Workspace } from '../../../load/workspace.js';
import ts from '../../../util/typescript.cjs';
import { getStringValue, skipOuterExpressions } from '../../syntax.js';
import type { FileVisitor, VisitContext } from '../../visitor.js';

/** Names a Fastify instance goes by in plugins, route files and hooks. */
const INSTANCE_NAMES = new Set(['fastify', 'app', 'server', 'instance', 'f']);
/** `request.server.userService`, `reply.server.db`: the instance behind a request. */
const REQUEST_NAMES = new Set(['request', 'req', 'reply', 'res']);

export const fastify = {
  name: 'fastify',
  detect(workspace: Workspace): boolean {
    return workspace.dependencies.includes('fastify');
  },
  /**
   * Adds the edges Fastify's decorators make by name: a plugin calls
   * `fastify.decorate('orders', new OrderService(db))` and route files elsewhere use
   * `fastify.orders.place()`, `request.server.orders` or `this.orders` in a handler, without
   * importing the service. The decorated name links to the class it is made from, else to the
   * plugin that decorates it.
   */
  createVisitor(): FileVisitor {
    return {
      kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.PropertyAccessExpression],
      visit(node, context) {
        if (node.kind === ts.SyntaxKind.CallExpression) visitDecorate(node as ts.CallExpression, context);
        else visitInstanceAccess(node as ts.PropertyAccessExpression, context);
      },
    };
  },
};

/** `fastify.decorate('orders', new OrderService())`, `app.decorate('db', db)`. */
function visitDecorate(node: ts.CallExpression, context: VisitContext): void {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'decorate') return;
  const name = getStringValue(node.arguments[0]);
  if (name === null || !node.arguments[1]) return;
  const implementation = getImplementation(node.arguments[1]);
  context.facts.diProvides.push({ token: toToken(name), line: context.lineOf(node), ...(implementation ? { implementation } : {}) });
}

/** The class a decorated value is made from (`new OrderService(…)`), or the identifier it is. */
function getImplementation(value: ts.Expression): string | null {
  const node = skipOuterExpressions(value);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) return node.expression.text;
  if (ts.isIdentifier(node)) return node.text;
  return null;
}

/** `fastify.orders`, `app.orders`, `request.server.orders`, `this.orders` in a plain function (a handler). */
function visitInstanceAccess(node: ts.PropertyAccessExpression, context: VisitContext): void {
  const receiver = skipOuterExpressions(node.expression);
  const isInstance =
    (ts.isIdentifier(receiver) && INSTANCE_NAMES.has(receiver.text)) ||
    (ts.isPropertyAccessExpression(receiver) &&
      receiver.name.text === 'server' &&
      ts.isIdentifier(receiver.expression) &&
      REQUEST_NAMES.has(receiver.expression.text)) ||
    (receiver.kind === ts.SyntaxKind.ThisKeyword && isInPlainFunction(node));
  if (isInstance) context.facts.diInjects.push({ token: toToken(node.name.text), line: context.lineOf(node) });
}

/** Fastify binds `this` to the instance in `function` handlers and hooks, never in a class. */
function isInPlainFunction(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionExpression(current) || ts.isFunctionDeclaration(current)) return true;
    if (ts.isClassLike(current) || ts.isSourceFile(current)) return false;
  }
  return false;
}

/** Decorated names live apart from string DI tokens of other frameworks. */
function toToken(name: string): string {
  return `str:fastify:${name}`;
}
