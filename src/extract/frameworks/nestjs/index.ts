// NestJS modules and providers: https://docs.nestjs.com/modules, https://docs.nestjs.com/fundamentals/custom-providers
import ts from '../../../util/typescript.cjs';
import type { Workspace } from '../../../load/workspace.js';
import type { FileVisitor, VisitContext } from '../../visitor.js';
import { getDecoratorArguments, getDecoratorName, getObjectProperty, getStringValue } from '../../syntax.js';

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
      kinds: [ts.SyntaxKind.Decorator],
      visit(node, context) {
        if (!ts.isDecorator(node)) return;
        const name = getDecoratorName(node);
        if (name === 'Module') visitModule(node, context);
        else if (name === 'Inject') visitInject(node, context);
      },
    };
  },
};

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
  if (symbol) {
    addDiDependency(symbol, context, context.lineOf(element));
    return;
  }
  if (!ts.isObjectLiteralExpression(element)) return;
  const token = toToken(getObjectProperty(element, 'provide'));
  const implementation =
    getReferencedSymbol(getObjectProperty(element, 'useClass')) ??
    getReferencedSymbol(getObjectProperty(element, 'useExisting'));
  if (implementation) addDiDependency(implementation, context, context.lineOf(element));
  if (token) {
    context.facts.diProvides.push({
      token,
      line: context.lineOf(element),
      ...(implementation ? { implementation } : {}),
    });
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
  const token = toToken(getDecoratorArguments(decorator)[0]);
  if (token) context.facts.diInjects.push({ token, line: context.lineOf(decorator) });
}

function toToken(expression: ts.Expression | undefined): string | null {
  const text = getStringValue(expression);
  if (text !== null) return `str:${text}`;
  if (expression && ts.isIdentifier(expression)) return `sym:${expression.text}`;
  return null;
}
