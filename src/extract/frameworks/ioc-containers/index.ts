// InversifyJS (https://inversify.io), tsyringe (https://github.com/microsoft/tsyringe) and TypeDI
// (https://github.com/typestack/typedi): containers that bind a token to an implementation.
import type { Workspace } from '../../../load/workspace.js';
import ts from '../../../util/typescript.cjs';
import { getCalleeName, getDecoratorArguments, getDecoratorName, getObjectProperty, getTailName, skipOuterExpressions } from '../../syntax.js';
import type { FileVisitor, VisitContext } from '../../visitor.js';
import { toDiToken } from '../to-di-token.js';

const PACKAGES = ['inversify', 'inversify-express-utils', 'tsyringe', 'typedi'];
/** Inversify's `bind(T).to…` targets: a class, or a value made here. */
const BINDING_TARGETS = new Set(['to', 'toSelf', 'toConstantValue', 'toDynamicValue', 'toFactory', 'toService']);
/** Lookups by token on a container: `container.get(TYPES.Mailer)`, `container.resolve('Cache')`, `Container.get('sms')`. */
const LOOKUPS = new Set(['get', 'getAll', 'getNamed', 'getTagged', 'resolve', 'resolveAll', 'getAsync']);
const CONTAINER_NAME = /container|kernel|injector/i;

export const iocContainers = {
  name: 'ioc-containers',
  detect(workspace: Workspace): boolean {
    return PACKAGES.some((name) => workspace.dependencies.includes(name));
  },
  /**
   * Adds the edges a container wires by token, which no import shows: the file that injects
   * `@inject(TYPES.Mailer)` (Inversify, tsyringe) or `@Inject('mailer')` (TypeDI), or looks the
   * token up (`container.get(TYPES.Mailer)`), depends on the class bound to it
   * (`bind(TYPES.Mailer).to(SesMailer)`, `register('Mailer', { useClass: SesMailer })`,
   * `registerSingleton`, `@Service('mailer')`), or on the file that binds a value to it.
   */
  createVisitor(): FileVisitor {
    return {
      kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.Decorator],
      visit(node, context) {
        if (ts.isDecorator(node)) visitDecorator(node, context);
        else if (ts.isCallExpression(node)) visitCall(node, context);
      },
    };
  },
};

function visitDecorator(decorator: ts.Decorator, context: VisitContext): void {
  const name = getDecoratorName(decorator);
  if (name === null || !isFromContainerPackage(name, context)) return;
  const [argument] = getDecoratorArguments(decorator);
  if (name === 'inject' || name === 'multiInject' || name === 'injectAll' || name === 'Inject') {
    const token = toDiToken(argument);
    if (token) context.facts.diInjects.push({ token, line: context.lineOf(decorator) });
    return;
  }
  // TypeDI: `@Service('sms.sender')` or `@Service({ id: 'sms.sender' })` on the class that provides it.
  if (name === 'Service' && ts.isClassDeclaration(decorator.parent) && decorator.parent.name && argument) {
    const id = ts.isObjectLiteralExpression(skipOuterExpressions(argument)) ? getObjectProperty(skipOuterExpressions(argument) as ts.ObjectLiteralExpression, 'id') : argument;
    const token = toDiToken(id);
    if (token) context.facts.diProvides.push({ token, line: context.lineOf(decorator), implementation: decorator.parent.name.text });
  }
}

/** The decorator is imported from one of the container packages (so NestJS's own `@Inject` is left to its adapter). */
function isFromContainerPackage(local: string, context: VisitContext): boolean {
  const binding = context.facts.bindings.find((candidate) => candidate.local === local);
  return !!binding && PACKAGES.includes(binding.specifier);
}

function visitCall(call: ts.CallExpression, context: VisitContext): void {
  const method = getCalleeName(call);
  if (method === null || !ts.isPropertyAccessExpression(call.expression)) return;
  const receiver = call.expression.expression;
  if (BINDING_TARGETS.has(method)) {
    visitBinding(call, method, receiver, context);
    return;
  }
  if (!isContainer(receiver)) return;
  const [first, second] = call.arguments;
  const line = context.lineOf(call);
  if (LOOKUPS.has(method)) {
    const token = toDiToken(first);
    if (token) context.facts.diInjects.push({ token, line });
  } else if (method === 'register' && second && ts.isObjectLiteralExpression(skipOuterExpressions(second))) {
    // tsyringe: `container.register('Cache', { useClass: RedisCache })`, `{ useValue }`, `{ useFactory }`.
    const provider = skipOuterExpressions(second) as ts.ObjectLiteralExpression;
    provide(first, getObjectProperty(provider, 'useClass') ?? getObjectProperty(provider, 'useValue'), line, context);
  } else if (method === 'registerSingleton' || method === 'registerType' || method === 'registerInstance' || method === 'set') {
    // tsyringe's `registerSingleton('Cache', RedisCache)`, `registerInstance(T, value)`; TypeDI's `Container.set('mailer', value)`.
    provide(first, second ?? first, line, context);
  }
}

/** Inversify: `container.bind<Mailer>(TYPES.Mailer).to(SesMailer).inSingletonScope()`. */
function visitBinding(call: ts.CallExpression, method: string, receiver: ts.Expression, context: VisitContext): void {
  const bind = skipOuterExpressions(receiver);
  if (!ts.isCallExpression(bind) || getCalleeName(bind) !== 'bind' || bind.arguments.length === 0) return;
  const [tokenExpression] = bind.arguments;
  const line = context.lineOf(call);
  if (method === 'toSelf') provide(tokenExpression, tokenExpression, line, context);
  else provide(tokenExpression, method === 'to' || method === 'toConstantValue' ? call.arguments[0] : undefined, line, context);
}

/**
 * Records that `tokenExpression` is provided here: by the class or imported value `value` names,
 * whose file the link step finds, or else by this file.
 */
function provide(tokenExpression: ts.Expression | undefined, value: ts.Expression | undefined, line: number, context: VisitContext): void {
  const token = toDiToken(tokenExpression);
  if (!token) return;
  const node = value ? skipOuterExpressions(value) : undefined;
  const implementation = node && ts.isIdentifier(node) ? node.text : undefined;
  context.facts.diProvides.push({ token, line, ...(implementation ? { implementation } : {}) });
}

function isContainer(receiver: ts.Expression): boolean {
  const name = getTailName(receiver);
  return name !== null && CONTAINER_NAME.test(name);
}
