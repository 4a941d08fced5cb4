// awilix registration and resolution: https://github.com/jeffijoe/awilix#usage, @fastify/awilix, awilix-express
import type { Workspace } from '../../../load/workspace.js';
import ts from '../../../util/typescript.cjs';
import { isModuleExports } from '../../imports/record-object-exports.js';
import { getPropertyName, getStringValue, skipOuterExpressions } from '../../syntax.js';
import type { FileVisitor, VisitContext } from '../../visitor.js';

const PACKAGES = ['awilix', '@fastify/awilix', 'awilix-express', 'awilix-koa'];
const REGISTRARS = new Set(['asClass', 'asFunction', 'asValue']);
/** Factories registered with `asFunction` are named so by convention: `makeUserService` → `userService`. */
const FACTORY_PREFIX = /^(make|create|build)(?=[A-Z])/;
/** `resolve` on these is not a container: `Promise.resolve('ok')`, `path.resolve('dist')`. */
const NOT_CONTAINERS = new Set(['Promise', 'path', 'require', 'posix', 'win32', 'url']);
const NAME = /^[A-Za-z_$][\w$]*$/;
/** `OrderService`, `HTTPClient`, not a constant like `MAX_SIZE`. */
const PASCAL_CASE = /^[A-Z](?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]*$/;

export const awilix = {
  name: 'awilix',
  detect(workspace: Workspace): boolean {
    return PACKAGES.some((name) => workspace.dependencies.includes(name));
  },
  /**
   * Adds the edges an awilix container wires by name at run time, which no import shows:
   * `container.resolve('orderService')`, `req.scope.resolve(…)`, `cradle.orderService`, and
   * constructors and factories that destructure their dependencies (`constructor({ orderService })`,
   * the default PROXY injection mode). A name is provided by an explicit registration
   * (`register({ orderService: asClass(OrderService) })`) or, for `loadModules`, which names
   * modules by a function seams does not run, by the convention every example follows: the
   * class `OrderService` (or the factory `makeOrderService`) registers as `orderService`.
   */
  createVisitor(): FileVisitor {
    return {
      kinds: [
        ts.SyntaxKind.ClassDeclaration,
        ts.SyntaxKind.FunctionDeclaration,
        ts.SyntaxKind.VariableDeclaration,
        ts.SyntaxKind.Constructor,
        ts.SyntaxKind.CallExpression,
        ts.SyntaxKind.PropertyAccessExpression,
        ts.SyntaxKind.ExpressionStatement,
      ],
      visit(node, context) {
        switch (node.kind) {
          case ts.SyntaxKind.ClassDeclaration:
            visitTopLevelName((node as ts.ClassDeclaration).name, node, context);
            break;
          case ts.SyntaxKind.FunctionDeclaration:
            visitFunction(node as ts.FunctionDeclaration, context);
            break;
          case ts.SyntaxKind.VariableDeclaration:
            visitVariable(node as ts.VariableDeclaration, context);
            break;
          case ts.SyntaxKind.Constructor:
            injectDestructured((node as ts.ConstructorDeclaration).parameters[0], context);
            break;
          case ts.SyntaxKind.CallExpression:
            visitCall(node as ts.CallExpression, context);
            break;
          case ts.SyntaxKind.PropertyAccessExpression:
            visitCradleAccess(node as ts.PropertyAccessExpression, context);
            break;
          case ts.SyntaxKind.ExpressionStatement:
            visitModuleExport(node as ts.ExpressionStatement, context);
            break;
        }
      },
    };
  },
};

/** `class OrderService` at the top of a file, also `const OrderService = class …`, TypeScript's ES5 output or `const OrderRepository = dataSource.getRepository(Order).extend(…)`. */
function visitTopLevelName(name: ts.Identifier | undefined, node: ts.Node, context: VisitContext): void {
  if (!name || !isTopLevel(node) || !PASCAL_CASE.test(name.text)) return;
  provide(toRegistrationName(name.text), name.text, node, context);
}

function visitFunction(node: ts.FunctionDeclaration | ts.VariableDeclaration, context: VisitContext, fn?: ts.SignatureDeclaration): void {
  const name = node.name && ts.isIdentifier(node.name) ? node.name.text : null;
  if (!name || !isTopLevel(node)) return;
  const signature = fn ?? (node as ts.FunctionDeclaration);
  if (PASCAL_CASE.test(name)) provide(toRegistrationName(name), name, node, context);
  else if (FACTORY_PREFIX.test(name)) {
    provide(toRegistrationName(name.replace(FACTORY_PREFIX, '')), name, node, context);
    injectDestructured(signature.parameters[0], context);
  }
}

/**
 * `module.exports = class PaymentGateway { … }` and `module.exports = function makeUserRepo({ db }) { … }`:
 * what `loadModules` registers from a CommonJS file whose export is the class or factory itself
 * (a class's constructor is read like any other).
 */
function visitModuleExport(node: ts.ExpressionStatement, context: VisitContext): void {
  if (!ts.isSourceFile(node.parent)) return;
  const assignment = node.expression;
  if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !isModuleExports(assignment.left)) return;
  const value = skipOuterExpressions(assignment.right);
  if (!(ts.isClassExpression(value) || ts.isFunctionExpression(value)) || !value.name) return;
  const name = value.name.text;
  if (PASCAL_CASE.test(name)) provide(toRegistrationName(name), name, node, context);
  else if (ts.isFunctionExpression(value) && FACTORY_PREFIX.test(name)) {
    provide(toRegistrationName(name.replace(FACTORY_PREFIX, '')), name, node, context);
    injectDestructured(value.parameters[0], context);
  }
}

function visitVariable(node: ts.VariableDeclaration, context: VisitContext): void {
  const initializer = node.initializer && skipOuterExpressions(node.initializer);
  if (!initializer || !ts.isIdentifier(node.name)) {
    if (ts.isObjectBindingPattern(node.name) && initializer && isCradle(initializer)) injectBindings(node.name, context);
    return;
  }
  if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) visitFunction(node, context, initializer);
  // A class expression, TypeScript's ES5 class, a repository made by a call: a module `loadModules` registers under its name.
  else visitTopLevelName(node.name, node, context);
}

function visitCall(node: ts.CallExpression, context: VisitContext): void {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  if (method === 'resolve') {
    const receiver = callee.expression;
    if (ts.isIdentifier(receiver) && NOT_CONTAINERS.has(receiver.text)) return;
    const name = getStringValue(node.arguments[0]);
    if (name !== null && NAME.test(name)) inject(name, node, context);
  } else if (method === 'register') {
    visitRegistration(node, context);
  }
}

/** `register({ orderService: asClass(OrderService).scoped() })` and `register('orderService', asClass(OrderService))`. */
function visitRegistration(node: ts.CallExpression, context: VisitContext): void {
  const [first, second] = node.arguments;
  const name = getStringValue(first);
  if (name !== null && second) {
    const implementation = getRegistered(second);
    if (implementation !== undefined) provide(name, implementation, node, context);
    return;
  }
  if (!first || !ts.isObjectLiteralExpression(first)) return;
  for (const property of first.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = getPropertyName(property.name);
    const implementation = getRegistered(property.initializer);
    if (key !== null && implementation !== undefined) provide(key, implementation, property, context);
  }
}

/** The class or factory behind `asClass(X)`, `asFunction(makeX).singleton()`; null for `asValue(v)`; undefined when it is no registration. */
function getRegistered(expression: ts.Expression): string | null | undefined {
  let current = skipOuterExpressions(expression);
  while (ts.isCallExpression(current)) {
    const callee = current.expression;
    if (ts.isIdentifier(callee) && REGISTRARS.has(callee.text)) {
      const [argument] = current.arguments;
      return callee.text !== 'asValue' && argument && ts.isIdentifier(argument) ? argument.text : null;
    }
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    current = callee.expression;
  }
  return undefined;
}

/** `container.cradle.orderService`, `req.diScope.cradle.orderService`. */
function visitCradleAccess(node: ts.PropertyAccessExpression, context: VisitContext): void {
  if (isCradle(node.expression)) inject(node.name.text, node, context);
}

function isCradle(expression: ts.Expression): boolean {
  const node = skipOuterExpressions(expression);
  return (ts.isPropertyAccessExpression(node) && node.name.text === 'cradle') || (ts.isIdentifier(node) && node.text === 'cradle');
}

function injectDestructured(parameter: ts.ParameterDeclaration | undefined, context: VisitContext): void {
  if (parameter && ts.isObjectBindingPattern(parameter.name)) injectBindings(parameter.name, context);
}

function injectBindings(pattern: ts.ObjectBindingPattern, context: VisitContext): void {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken) continue;
    const property = element.propertyName ?? element.name;
    if (ts.isIdentifier(property) || ts.isStringLiteral(property)) inject(property.text, element, context);
  }
}

function provide(name: string, implementation: string | null, node: ts.Node, context: VisitContext): void {
  context.facts.diProvides.push({ token: `str:${name}`, line: context.lineOf(node), ...(implementation ? { implementation } : {}) });
}

function inject(name: string, node: ts.Node, context: VisitContext): void {
  context.facts.diInjects.push({ token: `str:${name}`, line: context.lineOf(node) });
}

/** `OrderService` → `orderService`, `HTTPClient` → `httpClient`: awilix's camelCase naming of modules. */
export function toRegistrationName(name: string): string {
  const leadingCapitals = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(name)?.[0] ?? name[0]!;
  return leadingCapitals.toLowerCase() + name.slice(leadingCapitals.length);
}

function isTopLevel(node: ts.Node): boolean {
  let parent = node.parent;
  if (parent && ts.isVariableDeclarationList(parent)) parent = parent.parent?.parent;
  return !!parent && ts.isSourceFile(parent);
}
