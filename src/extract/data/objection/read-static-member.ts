import ts from '../../../util/typescript.cjs';
import { getPropertyName, skipOuterExpressions } from '../../syntax.js';

/** `static name = …`, `static get name() {…}` or `static name() {…}` of a class. */
export function findStaticMember(node: ts.ClassLikeDeclaration, name: string): ts.ClassElement | undefined {
  return node.members.find(
    (member) =>
      (ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isMethodDeclaration(member)) &&
      getPropertyName(member.name) === name &&
      !!ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
  );
}

/**
 * What a static member stands for: a property's initializer, what a getter or method returns
 * (its last `return`), and what an arrow-function initializer returns (`relationMappings = () => ({…})`).
 */
export function getReturnedExpression(member: ts.ClassElement): ts.Expression | undefined {
  if (ts.isPropertyDeclaration(member)) {
    const initializer = member.initializer && skipOuterExpressions(member.initializer);
    if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) return getFunctionResult(initializer);
    return initializer;
  }
  return ts.isGetAccessorDeclaration(member) || ts.isMethodDeclaration(member) ? getFunctionResult(member) : undefined;
}

function getFunctionResult(node: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = node.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return skipOuterExpressions(body);
  const last = [...body.statements].reverse().find(ts.isReturnStatement);
  return last?.expression && skipOuterExpressions(last.expression);
}
