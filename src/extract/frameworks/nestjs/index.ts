// NestJS modules and providers: https://docs.nestjs.com/modules, https://docs.nestjs.com/fundamentals/custom-providers
import ts from '../../../util/typescript.cjs';
import type { Workspace } from '../../../load/workspace.js';
import type { FileVisitor, VisitContext } from '../../visitor.js';
import { toDiToken } from '../to-di-token.js';
import { getDecoratorArguments, getDecoratorName, getDecorators, getObjectProperty, skipOuterExpressions } from '../../syntax.js';

const MODULE_KEYS = ['imports', 'providers', 'controllers', 'exports'];

export const nestjs = {
  name: 'nestjs',
  detect(workspace: Workspace): boolean {
    return workspace.dependencies.some((name) => name.startsWith('@nestjs/'));
  },
  /**
   * Adds the edges NestJS wires at run time: `@Module` metadata (kind `di`) and custom provider
   * tokens (`provide: 'TOKEN'` ↔ `@Inject('TOKEN')`), which link files that never import each other.
   */
  createVisitor(): FileVisitor {
    return {
      kinds: [ts.SyntaxKind.Decorator, ts.SyntaxKind.ObjectLiteralExpression, ts.SyntaxKind.Constructor],
      visit(node, context) {
        if (ts.isObjectLiteralExpression(node)) {
          visitProvider(node, context);
          return;
        }
        if (ts.isConstructorDeclaration(node)) {
          visitConstructorTypes(node, context);
          return;
        }
        if (!ts.isDecorator(node)) return;
        const name = getDecoratorName(node);
        if (name === 'Module') visitModule(node, context);
        else if (name === 'Inject') visitInject(node, context);
      },
    };
  },
};

const PROVIDER_KEYS = ['useClass', 'useExisting', 'useFactory', 'useValue'];

function visitModule(decorator: ts.Decorator, context: VisitContext): void {
  const [metadata] = getDecoratorArguments(decorator);
  for (const key of MODULE_KEYS) {
    const list = getObjectProperty(metadata, key);
    if (!list || !ts.isArrayLiteralExpression(list)) continue;
    for (const element of list.elements) visitModuleEntry(element, context);
  }
}

function visitModuleEntry(element: ts.Expression, context: VisitContext): void {
  const symbol = getReferencedSymbol(element);
  if (symbol) addDiDependency(symbol, context, context.lineOf(element));
}

/**
 * A custom provider, wherever it is written: in `@Module({ providers })`, in an exported array
 * spread into one (`export const catsProviders = [{ provide: 'CAT_MODEL', useFactory, inject }]`,
 * as Nest's documentation does it), in a variable, or in a dynamic module's `forRoot()`. The
 * token leads to the class behind `useClass`/`useExisting` (both branches of a conditional),
 * to the module a `useValue` identifier comes from, else to this file; a factory's `inject`
 * list makes this file depend on what provides those tokens.
 */
function visitProvider(node: ts.ObjectLiteralExpression, context: VisitContext): void {
  const provide = getObjectProperty(node, 'provide');
  if (!provide || !PROVIDER_KEYS.some((key) => getObjectProperty(node, key))) return;
  const line = context.lineOf(node);
  const implementations = [
    ...getBranches(getObjectProperty(node, 'useClass')),
    ...getBranches(getObjectProperty(node, 'useExisting')),
    ...getBranches(getObjectProperty(node, 'useValue')).filter(isImported(context)),
  ].flatMap((expression) => getReferencedSymbol(expression) ?? []);
  for (const implementation of implementations) addDiDependency(implementation, context, line);
  const token = toDiToken(provide);
  if (token) {
    if (implementations.length === 0) context.facts.diProvides.push({ token, line });
    for (const implementation of implementations) context.facts.diProvides.push({ token, line, implementation });
  }
  const injected = getObjectProperty(node, 'inject');
  if (injected && ts.isArrayLiteralExpression(injected)) {
    for (const element of injected.elements) {
      const injectedToken = toDiToken(element);
      if (injectedToken) context.facts.diInjects.push({ token: injectedToken, line: context.lineOf(element) });
    }
  }
}

/** `A` and, for `cond ? A : B`, both A and B. */
function getBranches(expression: ts.Expression | undefined): ts.Expression[] {
  if (!expression) return [];
  const node = skipOuterExpressions(expression);
  return ts.isConditionalExpression(node) ? [...getBranches(node.whenTrue), ...getBranches(node.whenFalse)] : [node];
}

/** A `useValue` leads to the module its value comes from only when that value is imported. */
function isImported(context: VisitContext): (expression: ts.Expression) => boolean {
  return (expression) => ts.isIdentifier(expression) && context.facts.bindings.some((binding) => binding.local === expression.text);
}

/**
 * A constructor parameter's class type is its injection token (`constructor(private mailer:
 * Mailer)`): where `{ provide: Mailer, useClass: SesMailer }` binds an abstract class to an
 * implementation, this class uses SesMailer. A parameter with `@Inject(…)` is read there.
 */
function visitConstructorTypes(node: ts.ConstructorDeclaration, context: VisitContext): void {
  for (const parameter of node.parameters) {
    if (getDecorators(parameter).some((decorator) => getDecoratorName(decorator) === 'Inject')) continue;
    const type = parameter.type;
    if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && !type.typeArguments) {
      context.facts.diInjects.push({ token: `sym:${type.typeName.text}`, line: context.lineOf(parameter) });
    }
  }
}

/** `X`, `forwardRef(() => X)` and `X.forRoot(...)` all name X. */
function getReferencedSymbol(expression: ts.Expression | undefined): string | null {
  if (!expression) return null;
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isCallExpression(expression)) {
    const callee = expression.expression;
    if (ts.isIdentifier(callee) && callee.text === 'forwardRef') {
      const [factory] = expression.arguments;
      if (factory && ts.isArrowFunction(factory) && ts.isIdentifier(factory.body)) return factory.body.text;
      return null;
    }
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) return callee.expression.text;
  }
  return null;
}

function addDiDependency(symbol: string, context: VisitContext, line: number): void {
  const binding = context.facts.bindings.find((candidate) => candidate.local === symbol);
  if (!binding || binding.imported === '*') return;
  context.facts.dependencies.push({
    specifier: binding.specifier,
    kind: 'di',
    line,
    names: [binding.imported],
    target: { kind: 'unresolved' },
  });
}

function visitInject(decorator: ts.Decorator, context: VisitContext): void {
  const token = toDiToken(getDecoratorArguments(decorator)[0]);
  if (token) context.facts.diInjects.push({ token, line: context.lineOf(decorator) });
}
