import ts from '../../../util/typescript.cjs';

/** The text a substitution stands for when it is known statically (a module's table constant), else null. */
export type SpanResolver = (expression: ts.Expression) => string | null;

/**
 * The SQL text of a string, a template or a `+` concatenation of them. Substitutions that name
 * a known constant (`${TABLE}`) are replaced by its value; other computed parts become numbered
 * placeholders (`$1`, `$2`…), which parse wherever a value goes and fail where a table name
 * goes: a table chosen at run time stays unresolved.
 */
export function getSqlText(node: ts.Expression, resolveSpan: SpanResolver = () => null): string | null {
  const counter = { value: 0 };
  return toText(node, counter, resolveSpan);
}

function toText(node: ts.Expression, counter: { value: number }, resolveSpan: SpanResolver): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) text += `${resolveSpan(span.expression) ?? `$${++counter.value}`}${span.literal.text}`;
    return text;
  }
  if (ts.isParenthesizedExpression(node)) return toText(node.expression, counter, resolveSpan);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // `'DELETE FROM ' + USERS + ' WHERE …'` names its table by a constant, as `${USERS}` does.
    const left = toText(node.left, counter, resolveSpan) ?? resolveSpan(node.left);
    const right = toText(node.right, counter, resolveSpan) ?? resolveSpan(node.right);
    // Concatenation only counts as SQL text when at least one side is literal text.
    if (left === null && right === null) return null;
    return `${left ?? `$${++counter.value}`}${right ?? `$${++counter.value}`}`;
  }
  return null;
}
