import ts from '../../../util/typescript.cjs';

/**
 * The SQL text of a string, a template or a `+` concatenation of them. Substitutions and
 * other computed parts become numbered placeholders (`$1`, `$2`…), which parse wherever a
 * value goes and fail where a table name goes: a table chosen at run time stays unresolved.
 */
export function getSqlText(node: ts.Expression): string | null {
  const counter = { value: 0 };
  return toText(node, counter);
}

function toText(node: ts.Expression, counter: { value: number }): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) text += `$${++counter.value}${span.literal.text}`;
    return text;
  }
  if (ts.isParenthesizedExpression(node)) return toText(node.expression, counter);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = toText(node.left, counter);
    const right = toText(node.right, counter);
    // Concatenation only counts as SQL text when at least one side is literal text.
    if (left === null && right === null) return null;
    return `${left ?? `$${++counter.value}`}${right ?? `$${++counter.value}`}`;
  }
  return null;
}
