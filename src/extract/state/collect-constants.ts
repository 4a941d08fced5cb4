import ts from '../../util/typescript.cjs';
import { getStringValue, skipOuterExpressions } from '../syntax.js';

/**
 * Records the file's string constants so a topic written as a constant resolves to its value:
 * `const ORDER_PLACED = 'order.placed'`, `const OrderEvents = { PLACED: 'order.placed' } as const`
 * and `enum OrderEvent { Placed = 'order.placed' }` give `ORDER_PLACED`, `OrderEvents.PLACED` and
 * `OrderEvent.Placed`.
 */
export function collectConstants(node: ts.Node, constants: Map<string, string>): void {
  if (ts.isVariableStatement(node) && ts.isSourceFile(node.parent) && node.declarationList.flags & ts.NodeFlags.Const) {
    for (const declaration of node.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      addValue(declaration.name.text, skipOuterExpressions(declaration.initializer), constants, 0);
    }
  } else if (ts.isEnumDeclaration(node)) {
    for (const member of node.members) {
      const value = getStringValue(member.initializer);
      if (value !== null && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
        constants.set(`${node.name.text}.${member.name.text}`, value);
      }
    }
  }
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
