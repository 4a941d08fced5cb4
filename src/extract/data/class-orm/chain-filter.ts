import ts from '../../../util/typescript.cjs';

// Read once: `ts` is a namespace of thousands of members, and these run on every call of a file.
const CALL = ts.SyntaxKind.CallExpression;
const PROPERTY_ACCESS = ts.SyntaxKind.PropertyAccessExpression;
const ELEMENT_ACCESS = ts.SyntaxKind.ElementAccessExpression;
const NON_NULL = ts.SyntaxKind.NonNullExpression;
const PARENTHESIZED = ts.SyntaxKind.ParenthesizedExpression;
const AS = ts.SyntaxKind.AsExpression;
const IDENTIFIER = ts.SyntaxKind.Identifier;

/** A call is the top of its chain when nothing is accessed on its result. */
export function isTopCall(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (node.parent && (node.parent.kind === NON_NULL || node.parent.kind === PARENTHESIZED)) node = node.parent;
  const parent = node.parent;
  if (!parent || (parent.kind !== PROPERTY_ACCESS && parent.kind !== ELEMENT_ACCESS)) return true;
  return (parent as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression !== node;
}

/**
 * Whether any name along a chain (`a.b(x).c`) passes `test`, without building the chain: most
 * calls of a file (`this.logger.log()`, `items.map()`) name nothing an ORM cares about.
 */
export function hasLinkNamed(call: ts.CallExpression, test: (name: string) => boolean): boolean {
  let current: ts.Node = call;
  for (;;) {
    switch (current.kind) {
      case CALL:
        current = (current as ts.CallExpression).expression;
        break;
      case PROPERTY_ACCESS:
        if (test((current as ts.PropertyAccessExpression).name.text)) return true;
        current = (current as ts.PropertyAccessExpression).expression;
        break;
      case NON_NULL:
      case PARENTHESIZED:
      case AS:
        current = (current as ts.NonNullExpression).expression;
        break;
      case IDENTIFIER:
        return test((current as ts.Identifier).text);
      default:
        return false;
    }
  }
}
