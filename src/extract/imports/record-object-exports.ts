import ts from '../../util/typescript.cjs';
import type { ImportBinding, ObjectExport, ObjectMember } from '../file-facts.js';
import { getPropertyName, getStringValue, skipOuterExpressions } from '../syntax.js';

/** A property before the file's imports are all known: its value is a local or a `require()`. */
type PendingMember = { key: string | null; local: string } | { key: string | null; specifier: string; imported: string };

/** The object literals one file may export; plain data, one per file, filled during the walk. */
export interface ObjectExports {
  /** Top-level `const sdk = { … }`, exported or not, by name. */
  locals: Map<string, PendingMember[]>;
  exported: { exported: string; members: PendingMember[] }[];
  /** Locals assigned to `module.exports` or `export =`. */
  moduleLocals: string[];
  /** Properties of `module.exports`: `module.exports = { … }`, `exports.users = users`. */
  moduleMembers: PendingMember[];
  /** Names assigned as `exports.x = …`, with the local assigned (null for any other value). */
  assignedNames: { name: string; local: string | null; required: boolean }[];
  /** `Object.defineProperty(exports, 'X', { get: () => m_1.Y })`: TypeScript's `export { Y as X } from './m'`. */
  definedNames: { exported: string; local: string; member: string }[];
}

/**
 * Records exports that are object literals of imported bindings, "object barrels" such as
 * `const sdk = { tables, views }; export default sdk`, so that `sdk.tables` can be followed to
 * the file that declares `tables`. Properties whose value the file declares itself are left out:
 * a member that is not found resolves to the barrel, which is where it is declared.
 */
export function createObjectExports(): ObjectExports {
  return { locals: new Map(), exported: [], moduleLocals: [], moduleMembers: [], assignedNames: [], definedNames: [] };
}

/** A top-level `const sdk = { … }`, exported (`export const services = { … }`) or not. */
export function recordObjectVariables(objects: ObjectExports, node: ts.VariableStatement, isExported: boolean): void {
  for (const declaration of node.declarationList.declarations) {
    if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
    const members = getObjectMembers(declaration.initializer);
    if (!members) continue;
    objects.locals.set(declaration.name.text, members);
    if (isExported) objects.exported.push({ exported: declaration.name.text, members });
  }
}

/** `export default { … }`, `export = { … }`. */
export function recordExportedObject(objects: ObjectExports, node: ts.ExportAssignment): void {
  const members = getObjectMembers(node.expression);
  if (members) objects.exported.push({ exported: node.isExportEquals ? '*' : 'default', members });
}

/**
 * `module.exports = { … }`, `module.exports = sdk`, `module.exports.users = users`, `exports.users = …`,
 * and TypeScript's chains of them (`exports.A = exports.B = void 0`).
 */
export function recordModuleExports(objects: ObjectExports, node: ts.ExpressionStatement): void {
  let expression = node.expression;
  while (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = expression.left;
    const value = skipOuterExpressions(expression.right);
    if (isModuleExports(target)) {
      if (ts.isIdentifier(value)) objects.moduleLocals.push(value.text);
      else objects.moduleMembers.push(...(getObjectMembers(value) ?? []));
      return;
    }
    if (!ts.isPropertyAccessExpression(target)) return;
    const owner = target.expression;
    if (!isModuleExports(owner) && !(ts.isIdentifier(owner) && owner.text === 'exports')) return;
    const member = toPendingMember(target.name.text, value);
    if (member) objects.moduleMembers.push(member);
    const local = member && 'local' in member ? member.local : null;
    objects.assignedNames.push({ name: target.name.text, local, required: member !== null && !('local' in member) });
    expression = value;
  }
}

/**
 * The names `exports.x = …` gives a value of the file's own (`exports.OrderService = OrderService`,
 * `exports.list = function …`): the file declares them, as `export` does in a module. A value
 * taken from another module is its member instead (getObjectExports).
 */
export function getAssignedLocalExports(objects: ObjectExports, bindings: Map<string, ImportBinding>): string[] {
  const names = objects.assignedNames.filter(({ local, required }) => !required && (local === null || !bindings.has(local)));
  return [...new Set(names.map(({ name }) => name))];
}

/**
 * The names `module.exports = { gamma, list: listOrders }` gives values this file declares: the
 * file declares them, as `exports.gamma = gamma` does. So a module that re-exports it whole
 * (`module.exports = require('./c')`) leads a name to this file, not to the re-exporter.
 */
export function getModuleObjectLocalExports(objects: ObjectExports, bindings: Map<string, ImportBinding>): string[] {
  const members = [...objects.moduleLocals.flatMap((local) => objects.locals.get(local) ?? []), ...objects.moduleMembers];
  const names = members.flatMap((member) => (member.key !== null && 'local' in member && !bindings.has(member.local) ? [member.key] : []));
  return [...new Set(names)];
}

/**
 * `Object.defineProperty(exports, "X", { enumerable: true, get: function () { return m_1.Y; } })`,
 * which TypeScript emits for `export { Y as X } from './m'` and for a re-exported import.
 */
export function recordDefinedExport(objects: ObjectExports, node: ts.ExpressionStatement): void {
  const call = skipOuterExpressions(node.expression);
  if (!ts.isCallExpression(call) || call.arguments.length !== 3) return;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'defineProperty' || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return;
  const [owner, name, descriptor] = call.arguments as unknown as [ts.Expression, ts.Expression, ts.Expression];
  if (!ts.isIdentifier(owner) || owner.text !== 'exports' || !ts.isStringLiteral(name) || !ts.isObjectLiteralExpression(descriptor)) return;
  const getter = descriptor.properties.find((property) => property.name && getPropertyName(property.name) === 'get');
  const body = getter && ts.isPropertyAssignment(getter) && ts.isFunctionLike(getter.initializer) ? getter.initializer.body : getter && ts.isMethodDeclaration(getter) ? getter.body : undefined;
  const returned = body && ts.isBlock(body) && body.statements.length === 1 && ts.isReturnStatement(body.statements[0]!) ? body.statements[0].expression : body && !ts.isBlock(body) ? body : undefined;
  const value = returned ? skipOuterExpressions(returned as ts.Expression) : undefined;
  if (!value || !ts.isPropertyAccessExpression(value) || !ts.isIdentifier(value.expression)) return;
  objects.definedNames.push({ exported: name.text, local: value.expression.text, member: value.name.text });
}

/** The defined exports whose getter reads an import: re-exports of the module imported. */
export function getDefinedReExports(objects: ObjectExports, bindings: Map<string, ImportBinding>): { exported: string; imported: string; specifier: string }[] {
  const found: { exported: string; imported: string; specifier: string }[] = [];
  for (const { exported, local, member } of objects.definedNames) {
    const binding = bindings.get(local);
    if (binding?.imported === '*') found.push({ exported, imported: member, specifier: binding.specifier });
  }
  return found;
}

/** Settles the objects' members against the file's import bindings, given the locals the file exports. */
export function getObjectExports(
  objects: ObjectExports,
  bindings: Map<string, ImportBinding>,
  exportedLocals: { local: string; exported: string }[],
): ObjectExport[] {
  if (objects.locals.size === 0 && objects.exported.length === 0 && objects.moduleMembers.length === 0) return [];
  const found: ObjectExport[] = [];
  const add = (exported: string, pending: PendingMember[]) => {
    const members = settleMembers(pending, bindings);
    if (members.length > 0) found.push({ exported, members });
  };
  for (const entry of objects.exported) add(entry.exported, entry.members);
  for (const { local, exported } of exportedLocals) {
    const members = objects.locals.get(local);
    if (members) add(exported, members);
  }
  const moduleObject = [...objects.moduleLocals.flatMap((local) => objects.locals.get(local) ?? []), ...objects.moduleMembers];
  if (moduleObject.length > 0) add('*', moduleObject);
  return found;
}

/**
 * The local a file exports as its whole module (`module.exports = User`, `export = User`), for
 * the data link step: what `require('./user')` names is that local's model or entity.
 */
export function getModuleExportedLocal(node: ts.ExpressionStatement | ts.ExportAssignment): string | null {
  if (ts.isExportAssignment(node)) {
    return node.isExportEquals && ts.isIdentifier(node.expression) ? node.expression.text : null;
  }
  const expression = node.expression;
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return null;
  const value = skipOuterExpressions(expression.right);
  return isModuleExports(expression.left) && ts.isIdentifier(value) ? value.text : null;
}

export function isModuleExports(node: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === 'exports' &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'module'
  );
}

/** The properties of an object literal that may come from elsewhere; null for anything else. */
function getObjectMembers(expression: ts.Expression): PendingMember[] | null {
  const object = skipOuterExpressions(expression);
  if (!ts.isObjectLiteralExpression(object)) return null;
  const members: PendingMember[] = [];
  for (const property of object.properties) {
    let member: PendingMember | null = null;
    if (ts.isShorthandPropertyAssignment(property)) member = { key: property.name.text, local: property.name.text };
    else if (ts.isSpreadAssignment(property)) member = toPendingMember(null, property.expression);
    else if (ts.isPropertyAssignment(property)) {
      const key = getPropertyName(property.name);
      if (key !== null) member = toPendingMember(key, property.initializer);
    }
    if (member) members.push(member);
  }
  return members.length > 0 ? members : null;
}

/** `users`, `require('./users')` or `require('./users').UserService` as a property's value. */
function toPendingMember(key: string | null, value: ts.Expression): PendingMember | null {
  const expression = skipOuterExpressions(value);
  if (ts.isIdentifier(expression)) return { key, local: expression.text };
  if (ts.isPropertyAccessExpression(expression)) {
    const specifier = getRequiredSpecifier(expression.expression);
    return specifier === null ? null : { key, specifier, imported: expression.name.text };
  }
  const specifier = getRequiredSpecifier(expression);
  return specifier === null ? null : { key, specifier, imported: '*' };
}

function getRequiredSpecifier(expression: ts.Expression): string | null {
  if (!ts.isCallExpression(expression) || expression.arguments.length !== 1) return null;
  if (!ts.isIdentifier(expression.expression) || expression.expression.text !== 'require') return null;
  return getStringValue(expression.arguments[0]);
}

function settleMembers(pending: PendingMember[], bindings: Map<string, ImportBinding>): ObjectMember[] {
  const members: ObjectMember[] = [];
  for (const member of pending) {
    if (!('local' in member)) {
      members.push(member);
      continue;
    }
    const binding = bindings.get(member.local);
    if (binding && !binding.typeOnly) members.push({ key: member.key, specifier: binding.specifier, imported: binding.imported });
  }
  return members;
}
