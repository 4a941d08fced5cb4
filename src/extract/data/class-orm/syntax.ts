import ts from '../../../util/typescript.cjs';
import type { ImportBinding } from '../../file-facts.js';
import { getDecoratorName, getDecorators, getTailName } from '../../syntax.js';

const DECORATOR = ts.SyntaxKind.Decorator;

/** Whether a declaration has any decorator: a cheap test before looking for a particular one. */
export function hasDecorators(node: ts.Node): boolean {
  const modifiers = (node as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers;
  return !!modifiers?.some((modifier) => modifier.kind === DECORATOR);
}

/** The first decorator of `node` called by one of `names`. */
export function findDecorator(node: ts.Node, names: ReadonlySet<string>): ts.Decorator | undefined {
  if (!hasDecorators(node)) return undefined;
  return getDecorators(node).find((decorator) => names.has(getDecoratorName(decorator) ?? ''));
}

/**
 * Whether a decorator's name is imported from another library than the one reading it: in a
 * project with both TypeORM and MikroORM, `@Entity()` from '@mikro-orm/core' is MikroORM's alone
 * (each read it and declared the table twice, `api_key` and `apikey`). A name imported from the
 * project's own module may re-export either, and counts for both.
 */
export function isImportedFromOtherLibrary(decorator: ts.Decorator, bindings: readonly ImportBinding[], isOther: (specifier: string) => boolean): boolean {
  const name = getDecoratorName(decorator);
  const binding = name === null ? undefined : bindings.find((candidate) => candidate.local === name);
  return binding !== undefined && isOther(binding.specifier);
}

/** `Repository<User>` → Repository and its type arguments; `typeorm.Repository<User>` too. */
export function getTypeReference(type: ts.TypeNode | undefined): { name: string; args: readonly ts.TypeNode[] } | null {
  if (!type || !ts.isTypeReferenceNode(type)) return null;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  return { name, args: type.typeArguments ?? [] };
}

/** The class a type names: `User` → User, `Repository<User>` (index 0 of its arguments) → User. */
export function getTypeName(type: ts.TypeNode | undefined): string | null {
  return getTypeReference(type)?.name ?? null;
}

/** `typeof User` → User. */
export function getTypeQueryName(type: ts.TypeNode | undefined): string | null {
  if (!type || !ts.isTypeQueryNode(type)) return null;
  return ts.isIdentifier(type.exprName) ? type.exprName.text : null;
}

/**
 * The class a relation or model reference points at: `() => User`, `(type) => User`,
 * `forwardRef(() => User)`, `() => { return User; }` or plain `User`.
 */
export function getReferencedClass(expression: ts.Expression | undefined): string | null {
  if (!expression) return null;
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) {
    const body = expression.body;
    if (ts.isIdentifier(body)) return body.text;
    if (ts.isParenthesizedExpression(body) && ts.isIdentifier(body.expression)) return body.expression.text;
    if (ts.isBlock(body) && body.statements.length === 1) {
      const statement = body.statements[0]!;
      if (ts.isReturnStatement(statement) && statement.expression && ts.isIdentifier(statement.expression)) return statement.expression.text;
    }
    return null;
  }
  if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'forwardRef') {
    return getReferencedClass(expression.arguments[0]);
  }
  return null;
}

/** `(user) => user.roles` → roles: the inverse side of a relation. */
export function getInverseProperty(expression: ts.Expression | undefined): string | null {
  if (!expression || !(ts.isArrowFunction(expression) || ts.isFunctionExpression(expression))) return null;
  let body: ts.Node = expression.body;
  while (ts.isParenthesizedExpression(body)) body = body.expression;
  if (ts.isPropertyAccessExpression(body)) return body.name.text;
  return null;
}

/** The name `class X` declares, or null for an anonymous class. */
export function getClassName(node: ts.ClassLikeDeclaration): string | null {
  return node.name?.text ?? null;
}

/** `class A extends B<C>` → { name: B, args: [C] }. */
export function getExtendedClass(node: ts.ClassLikeDeclaration): { name: string; args: readonly ts.TypeNode[] } | null {
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    const type = clause.types[0];
    if (!type) return null;
    const name = getTailName(type.expression);
    return name ? { name, args: type.typeArguments ?? [] } : null;
  }
  return null;
}

export function isDefaultExport(node: ts.Node): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return !!modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) && !!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** An identifier that names a class by convention: `User`, not `user`, `users` or `MAX_LOANS`. */
export function isClassLikeName(name: string): boolean {
  const first = name.charCodeAt(0);
  return first >= 65 && first <= 90 && /[a-z]/.test(name);
}

/** The line of a chain link's own name, so a multi-line chain reports each step where it is. */
export function getLinkNameNode(node: ts.Expression): ts.Node {
  const callee = ts.isCallExpression(node) ? node.expression : node;
  return ts.isPropertyAccessExpression(callee) ? callee.name : node;
}
