import ts from '../../../util/typescript.cjs';
import { getPropertyName, skipOuterExpressions } from '../../syntax.js';
import type { FileVisitor, VisitContext } from '../../visitor.js';
import { isTopCall } from './chain-filter.js';
import { createEmitter } from './emitter.js';
import { toRepositoryMember } from './repository-dialect.js';
import type { OrmEnv, OrmSemantics } from './orm-env.js';
import { createScope, findThisOwner, getDeclarationScope, INHERITED_REPOSITORY } from './scope.js';
import { toSymbolTarget, type Value } from './values.js';

/**
 * The one visitor shape of the class-based ORMs. It only stops at classes, calls and variable
 * declarations (every other node costs one switch), evaluates each call chain once from its
 * top, and remembers what the chain yields when it is stored in a variable or a member.
 */
// Read once: `ts` is a namespace of thousands of members, and the switch below runs on every node.
const CLASS_DECLARATION = ts.SyntaxKind.ClassDeclaration;
const CLASS_EXPRESSION = ts.SyntaxKind.ClassExpression;
const CALL_EXPRESSION = ts.SyntaxKind.CallExpression;
const VARIABLE_DECLARATION = ts.SyntaxKind.VariableDeclaration;
const PROPERTY_DECLARATION = ts.SyntaxKind.PropertyDeclaration;
const CONSTRUCTOR = ts.SyntaxKind.Constructor;
const NEW_EXPRESSION = ts.SyntaxKind.NewExpression;
const AWAIT_EXPRESSION = ts.SyntaxKind.AwaitExpression;

export function createOrmVisitor(semantics: OrmSemantics): FileVisitor {
  let env: OrmEnv | null = null;
  const getEnv = (context: VisitContext): OrmEnv => {
    env ??= {
      context,
      scope: createScope((parameter) => semantics.valueOfDeclaration(parameter)),
      emitter: createEmitter(context, semantics.via),
    };
    return env;
  };
  return {
    kinds: semantics.visitNew
      ? [CLASS_DECLARATION, CLASS_EXPRESSION, CALL_EXPRESSION, VARIABLE_DECLARATION, NEW_EXPRESSION]
      : [CLASS_DECLARATION, CLASS_EXPRESSION, CALL_EXPRESSION, VARIABLE_DECLARATION],
    visit(node, context) {
      switch (node.kind) {
        case CLASS_DECLARATION:
        case CLASS_EXPRESSION: {
          const current = getEnv(context);
          registerMembers(node as ts.ClassLikeDeclaration, semantics, current);
          semantics.visitClass(node as ts.ClassLikeDeclaration, current);
          break;
        }
        case CALL_EXPRESSION: {
          const call = node as ts.CallExpression;
          const current = getEnv(context);
          semantics.visitCall?.(call, current);
          if (!isTopCall(call)) break;
          const value = semantics.evaluateChain(call, current, true);
          if (value) bindResult(call, value, current);
          break;
        }
        case VARIABLE_DECLARATION:
          visitVariable(node as ts.VariableDeclaration, semantics, getEnv(context));
          break;
        case NEW_EXPRESSION:
          semantics.visitNew?.(node as ts.NewExpression, getEnv(context));
          break;
        default:
          break;
      }
    },
  };
}

/** Typed and decorated properties and constructor parameter properties: `this.repo`. */
function registerMembers(node: ts.ClassLikeDeclaration, semantics: OrmSemantics, env: OrmEnv): void {
  for (const member of node.members) {
    if (member.kind !== PROPERTY_DECLARATION && member.kind !== CONSTRUCTOR) continue;
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
      const value = semantics.valueOfDeclaration(member) ?? toNewInstance(member.initializer);
      if (value) env.scope.setMember(node, member.name.text, value);
    } else if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (!ts.isIdentifier(parameter.name) || !ts.canHaveModifiers(parameter) || !ts.getModifiers(parameter)?.length) continue;
        const value = semantics.valueOfDeclaration(parameter);
        if (value) env.scope.setMember(node, parameter.name.text, value);
      }
      const inherited = findRepositoryPassedToSuper(member, semantics);
      if (inherited) env.scope.setMember(node, INHERITED_REPOSITORY, inherited);
    }
  }
}

/**
 * The one repository a constructor hands to its base class, `super(repo)` with
 * `@InjectRepository(User) repo: Repository<User>`: a generic CRUD base (`BaseService<T>`)
 * keeps it as `this.repository`, declared in the base's file, and the subclass's
 * `this.repository.findOne()` reads User's table.
 */
function findRepositoryPassedToSuper(declaration: ts.ConstructorDeclaration, semantics: OrmSemantics): Value | null {
  const superCall = declaration.body?.statements
    .map((statement) => (ts.isExpressionStatement(statement) ? statement.expression : null))
    .find((expression): expression is ts.CallExpression => !!expression && ts.isCallExpression(expression) && expression.expression.kind === ts.SyntaxKind.SuperKeyword);
  if (!superCall) return null;
  const repositories = superCall.arguments.flatMap((argument) => {
    if (!ts.isIdentifier(argument)) return [];
    const parameter = declaration.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === argument.text);
    const value = parameter ? semantics.valueOfDeclaration(parameter) : null;
    return value?.kind === 'repository' && !value.entity.speculative ? [value] : [];
  });
  return repositories.length === 1 ? repositories[0]! : null;
}

function visitVariable(node: ts.VariableDeclaration, semantics: OrmSemantics, env: OrmEnv): void {
  semantics.visitVariable?.(node, env);
  bindCopiedMembers(node, env);
  let initializer = node.initializer;
  while (initializer?.kind === AWAIT_EXPRESSION) initializer = (initializer as ts.AwaitExpression).expression;
  if (initializer?.kind !== NEW_EXPRESSION || !ts.isIdentifier(node.name)) return;
  const value = toNewInstance(initializer);
  if (value) env.scope.bind(node.name.text, getDeclarationScope(node), value);
}

/** `const repo = this.ordersRepo` and `const { ordersRepo } = this`: the local is the member. */
function bindCopiedMembers(node: ts.VariableDeclaration, env: OrmEnv): void {
  const initializer = node.initializer ? skipOuterExpressions(node.initializer) : undefined;
  if (!initializer) return;
  const copy = (local: string, member: string, from: ts.Node) => {
    const owner = findThisOwner(from);
    const value = owner ? env.scope.getMember(owner, member) : undefined;
    if (value) env.scope.bind(local, getDeclarationScope(node), value);
  };
  if (ts.isIdentifier(node.name) && ts.isPropertyAccessExpression(initializer) && initializer.expression.kind === ts.SyntaxKind.ThisKeyword) {
    copy(node.name.text, initializer.name.text, initializer);
  } else if (ts.isObjectBindingPattern(node.name) && initializer.kind === ts.SyntaxKind.ThisKeyword) {
    for (const element of node.name.elements) {
      if (element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
      const member = element.propertyName ? getPropertyName(element.propertyName) : element.name.text;
      if (member !== null) copy(element.name.text, member, initializer);
    }
  }
}

/** `new User()`: an instance whose save() writes the entity's table (or a custom repository). */
function toNewInstance(initializer: ts.Expression | undefined): Value | null {
  if (!initializer || !ts.isNewExpression(initializer) || !ts.isIdentifier(initializer.expression)) return null;
  return { kind: 'instance', entity: toSymbolTarget(initializer.expression.text, true) };
}

/** `const repo = …`, `this.repo = …`, `private repo = …`: the name now stands for the value. */
function bindResult(call: ts.CallExpression, value: Value, env: OrmEnv): void {
  let node: ts.Node = call;
  while (
    node.parent &&
    (ts.isAwaitExpression(node.parent) ||
      ts.isParenthesizedExpression(node.parent) ||
      ts.isAsExpression(node.parent) ||
      ts.isNonNullExpression(node.parent) ||
      ts.isSatisfiesExpression(node.parent))
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) {
    const scope = getDeclarationScope(parent);
    env.scope.bind(parent.name.text, scope, value);
    // A module-level repository (`export const users = dataSource.getRepository(User)`) stands
    // for its entity wherever it is imported.
    if (ts.isSourceFile(scope) && (value.kind === 'repository' || value.kind === 'model') && !value.entity.speculative) {
      env.context.facts.aliases.push({ symbol: parent.name.text, target: value.entity.ref });
      env.context.facts.aliases.push({ symbol: toRepositoryMember(parent.name.text), target: value.entity.ref });
    }
    return;
  }
  if (ts.isPropertyDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) {
    env.scope.setMember(parent.parent, parent.name.text, value);
    return;
  }
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === node &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(parent.left) &&
    parent.left.expression.kind === ts.SyntaxKind.ThisKeyword
  ) {
    const owner = findThisOwner(parent);
    if (owner) env.scope.setMember(owner, parent.left.name.text, value);
  }
}
