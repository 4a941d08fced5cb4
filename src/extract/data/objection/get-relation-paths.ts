import ts from '../../../util/typescript.cjs';
import { getPropertyName, getStringValue, skipOuterExpressions } from '../../syntax.js';
import { getRelationPaths } from '../class-orm/relation-reads.js';
import { parseRelationExpression } from './parse-relation-expression.js';

/** Relation paths of a relation expression: a string, or the object notation `{ pets: true, children: { pets: true } }`. */
export function getExpressionPaths(expression: ts.Expression | undefined): string[] {
  if (!expression) return [];
  const node = skipOuterExpressions(expression);
  const text = getStringValue(node);
  return text !== null ? parseRelationExpression(text) : getRelationPaths(node);
}

/**
 * The keys of a graph object, nested, but for those holding a plain literal (a column, surely):
 * `{ name: 'Rex', pets: [{ toys: [] }] }` → pets, pets.toys. Which of them are relations, the link step tells.
 */
export function getGraphPaths(expression: ts.Expression | undefined): string[] {
  if (!expression) return [];
  const node = skipOuterExpressions(expression);
  if (ts.isArrayLiteralExpression(node)) return [...new Set(node.elements.flatMap((element) => getGraphPaths(element)))];
  if (!ts.isObjectLiteralExpression(node)) return [];
  const paths: string[] = [];
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
    const name = getPropertyName(property.name);
    if (name === null) continue;
    const value = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : property.name;
    if (isScalarLiteral(value)) continue;
    paths.push(name);
    for (const nested of getGraphPaths(value)) paths.push(`${name}.${nested}`);
  }
  return paths;
}

function isScalarLiteral(node: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(node) ||
    ts.isNumericLiteral(node) ||
    ts.isTemplateExpression(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword
  );
}
