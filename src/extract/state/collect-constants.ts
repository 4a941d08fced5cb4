import ts from '../../util/typescript.cjs';
import { getStringValue, skipOuterExpressions } from '../syntax.js';

/**
 * Records the file's string constants so a topic written as a constant resolves to its value:
 * `const ORDER_PLACED = 'order.placed'`, `const OrderEvents = { PLACED: 'order.placed' } as const`,
 * `enum OrderEvent { Placed = 'order.placed' }` and a top-level class's
 * `static readonly eventName = 'order.placed'` give `ORDER_PLACED`, `OrderEvents.PLACED`,
 * `OrderEvent.Placed` and `OrderPlacedEvent.eventName`.
 */
export function collectConstants(node: ts.Node, constants: Map<string, string>): void {
  if (ts.isVariableStatement(node) && ts.isSourceFile(node.parent) && node.declarationList.flags & ts.NodeFlags.Const) {
    for (const declaration of node.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      addValue(declaration.name.text, skipOuterExpressions(declaration.initializer), constants, 0);
    }
  } else if (ts.isPropertyDeclaration(node) && isStaticOfTopLevelClass(node) && ts.isIdentifier(node.name) && node.initializer) {
    // `class OrderPlacedEvent { static readonly eventName = 'order.placed' }`, as NestJS events name themselves.
    const value = getStringValue(skipOuterExpressions(node.initializer));
    if (value !== null) constants.set(`${(node.parent as ts.ClassDeclaration).name!.text}.${node.name.text}`, value);
  } else if (ts.isEnumDeclaration(node)) {
    for (const member of node.members) {
      const value = getStringValue(member.initializer);
      if (value !== null && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
        constants.set(`${node.name.text}.${member.name.text}`, value);
      }
    }
  }
}

function isStaticOfTopLevelClass(node: ts.PropertyDeclaration): boolean {
  const owner = node.parent;
  return ts.isClassDeclaration(owner) && !!owner.name && ts.isSourceFile(owner.parent) && !!ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

function addValue(name: string, value: ts.Expression, constants: Map<string, string>, depth: number): void {
  const text = getStringValue(value);
  if (text !== null) {
    constants.set(name, text);
    return;
  }
  if (depth > 3 || !ts.isObjectLiteralExpression(value)) return;
  for (const property of value.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    if (!ts.isIdentifier(property.name) && !ts.isStringLiteral(property.name)) continue;
    addValue(`${name}.${property.name.text}`, skipOuterExpressions(property.initializer), constants, depth + 1);
  }
}
