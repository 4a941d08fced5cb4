import ts from '../../util/typescript.cjs';

/**
 * Inside a migration's rollback: a function named `down` (`exports.down = …`, `export async
 * function down`, `down(knex) {}`, `down: async (queryInterface) => …`). A rollback undoes its
 * `up`, so the tables it creates are ones the migration dropped.
 */
export function isInRollback(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    if (getFunctionName(current) === 'down') return true;
  }
  return false;
}

function getFunctionName(fn: ts.SignatureDeclaration): string | null {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name && ts.isIdentifier(fn.name)) {
    return fn.name.text;
  }
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  return null;
}
