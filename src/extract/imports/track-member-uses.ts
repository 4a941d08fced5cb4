import ts from '../../util/typescript.cjs';
import type { ImportBinding, MemberUse, RawDependency } from '../file-facts.js';
import { getPropertyName, getStringValue } from '../syntax.js';

/** Steps of a member path kept: `sdk.tables.getTable` is two, enough to look through a barrel of barrels. */
const MAX_PATH = 2;

interface LocalUses {
  /** Used as a value in some other way: passed, called, spread, aliased, `local[x]`, re-exported. */
  whole: boolean;
  /** Used as a type itself: `typeof ns`, `let user: User`. */
  wholeType: boolean;
  /** Distinct member paths by `typeOnly` + path; null until the first. */
  members: Map<string, { path: string[]; typeOnly: boolean }> | null;
}

/** How one file uses its import bindings; plain data, one per file, filled during the walk. */
export interface MemberUses {
  /** Uses by local name, for every local bound to an import or a `require()`. */
  watched: Map<string, LocalUses>;
  /** Each binding with the dependency that stands for it. */
  tracked: { binding: ImportBinding; dependency: RawDependency }[];
}

/**
 * Collects how the file uses each local bound to an import: `services.users` and `services['users']`
 * (members), `ns.Type` in a type (type-only members), `const { a, b: c } = services` (members a, b),
 * anything else (the whole binding). Locals are matched by name: a parameter that shadows an
 * import is counted as the import, which at worst keeps an edge to the barrel.
 */
export function createMemberUses(): MemberUses {
  return { watched: new Map(), tracked: [] };
}

function watch(uses: MemberUses, local: string): void {
  if (!uses.watched.has(local)) uses.watched.set(local, { whole: false, wholeType: false, members: null });
}

/** Watches the top-level import and require bindings before the walk, so that uses above them count too. */
export function watchTopLevelImports(uses: MemberUses, sourceFile: ts.SourceFile): void {
  for (const statement of sourceFile.statements) {
    if (statement.kind === ts.SyntaxKind.ImportDeclaration) {
      const clause = (statement as ts.ImportDeclaration).importClause;
      if (clause?.name) watch(uses, clause.name.text);
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) watch(uses, named.name.text);
      else if (named) for (const element of named.elements) watch(uses, element.name.text);
    } else if (statement.kind === ts.SyntaxKind.VariableStatement) {
      for (const declaration of (statement as ts.VariableStatement).declarationList.declarations) {
        if (!isRequireCall(declaration.initializer)) continue;
        const name = declaration.name;
        if (ts.isIdentifier(name)) watch(uses, name.text);
        else if (ts.isObjectBindingPattern(name)) {
          for (const element of name.elements) if (ts.isIdentifier(element.name)) watch(uses, element.name.text);
        }
      }
    }
  }
}

/**
 * `binding` is one of the names `dependency` stands for. Modules (`*`) are always tracked; a default
 * or named binding only when it may be an object barrel: a value named in camelCase (`sdk`,
 * `services`). PascalCase names are classes, types and components, whose members are statics and
 * declared where the binding is; leaving them out keeps the walk as fast as before on typical code.
 */
export function trackBinding(uses: MemberUses, binding: ImportBinding, dependency: RawDependency): void {
  if (binding.imported !== '*' && (binding.typeOnly || !isCamelCase(binding.local))) return;
  watch(uses, binding.local);
  uses.tracked.push({ binding, dependency });
}

export function recordIdentifierUse(uses: MemberUses, node: ts.Identifier): void {
  if (uses.watched.size === 0) return;
  const local = uses.watched.get(node.text);
  if (local) recordUse(node, local);
}

/**
 * Gives each tracked dependency the members its bindings are used through. A binding used only
 * through members (and, for a module, as a type) no longer stands for the whole module or export.
 */
export function applyMemberUses(uses: MemberUses): void {
  for (const { binding, dependency } of uses.tracked) {
    const local = uses.watched.get(binding.local);
    if (local?.members) applyToDependency(binding, dependency, local, local.members);
  }
}

function applyToDependency(
  binding: ImportBinding,
  dependency: RawDependency,
  uses: LocalUses,
  used: NonNullable<LocalUses['members']>,
): void {
  const members: MemberUse[] = dependency.members ?? [];
  dependency.members = members;
  for (const { path, typeOnly } of used.values()) {
    members.push({ name: binding.imported, path, typeOnly: typeOnly || binding.typeOnly });
  }
  const isModule = binding.imported === '*';
  // A named or default binding used as a type keeps its name: that is the edge it had before.
  if (uses.whole || (uses.wholeType && !isModule)) return;
  if (uses.wholeType) members.push({ name: '*', path: [], typeOnly: true });
  if (isModule) {
    if (dependency.names === null) dependency.names = [];
    return;
  }
  const index = dependency.names?.indexOf(binding.imported) ?? -1;
  if (index >= 0) dependency.names!.splice(index, 1);
}

function recordUse(node: ts.Identifier, uses: LocalUses): void {
  const parent = node.parent;
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression:
      // Else `x.local`: a property that has the local's name.
      if ((parent as ts.PropertyAccessExpression).expression === node) recordMemberPath(node, uses);
      return;
    case ts.SyntaxKind.QualifiedName:
      if ((parent as ts.QualifiedName).left === node) recordMemberPath(node, uses);
      return;
    case ts.SyntaxKind.ElementAccessExpression:
      if (getMemberKey(node) !== null) recordMemberPath(node, uses);
      else uses.whole = true;
      return;
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
    case ts.SyntaxKind.ShorthandPropertyAssignment:
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.SpreadAssignment:
    case ts.SyntaxKind.ExportAssignment:
      uses.whole = true;
      return;
    case ts.SyntaxKind.ImportSpecifier:
    case ts.SyntaxKind.ImportClause:
    case ts.SyntaxKind.NamespaceImport:
    case ts.SyntaxKind.ImportEqualsDeclaration:
      return;
    case ts.SyntaxKind.TypeReference:
    case ts.SyntaxKind.TypeQuery:
      uses.wholeType = true;
      return;
    case ts.SyntaxKind.VariableDeclaration:
      recordDestructuring(parent as ts.VariableDeclaration, node, uses);
      return;
    case ts.SyntaxKind.ExportSpecifier: {
      const specifier = parent as ts.ExportSpecifier;
      if ((specifier.propertyName ?? specifier.name) === node && !specifier.parent.parent.moduleSpecifier) uses.whole = true;
      return;
    }
    default:
      // The name a declaration declares (a parameter, a property) is no use of the local.
      if ((parent as { name?: ts.Node }).name === node || (parent as { propertyName?: ts.Node }).propertyName === node) return;
      uses.whole = true;
  }
}

/** `const { a, b: c } = local` uses members a and b; a rest element or computed key uses it whole. */
function recordDestructuring(declaration: ts.VariableDeclaration, node: ts.Identifier, uses: LocalUses): void {
  if (declaration.initializer !== node) return;
  if (!ts.isObjectBindingPattern(declaration.name)) {
    uses.whole = true;
    return;
  }
  for (const element of declaration.name.elements) {
    const key = element.dotDotDotToken
      ? null
      : element.propertyName
        ? getPropertyName(element.propertyName)
        : ts.isIdentifier(element.name)
          ? element.name.text
          : null;
    if (key === null) uses.whole = true;
    else addMember(uses, [key], false);
  }
}

/** The property read from `node`: `node.key`, `node['key']`, or `node.Key` in a type; else null. */
function getMemberKey(node: ts.Node): string | null {
  const parent = node.parent;
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression: {
      const access = parent as ts.PropertyAccessExpression;
      return access.expression === node ? access.name.text : null;
    }
    case ts.SyntaxKind.ElementAccessExpression: {
      const access = parent as ts.ElementAccessExpression;
      return access.expression === node ? getStringValue(access.argumentExpression) : null;
    }
    case ts.SyntaxKind.QualifiedName: {
      const name = parent as ts.QualifiedName;
      return name.left === node ? name.right.text : null;
    }
    default:
      return null;
  }
}

function recordMemberPath(node: ts.Identifier, uses: LocalUses): void {
  const path: string[] = [];
  let current: ts.Node = node;
  while (path.length < MAX_PATH) {
    const key = getMemberKey(current);
    if (key === null) break;
    path.push(key);
    current = current.parent;
  }
  addMember(uses, path, ts.isQualifiedName(current) || isImplementedType(current));
}

function addMember(uses: LocalUses, path: string[], typeOnly: boolean): void {
  const key = `${typeOnly ? 't' : 'v'}${path.length === 1 ? path[0] : path.join('\0')}`;
  uses.members ??= new Map();
  if (!uses.members.has(key)) uses.members.set(key, { path, typeOnly });
}

/** `class A implements ns.Port` and `interface A extends ns.Base` name types, not values. */
function isImplementedType(node: ts.Node): boolean {
  const parent = node.parent;
  if (!ts.isExpressionWithTypeArguments(parent) || !ts.isHeritageClause(parent.parent)) return false;
  const clause = parent.parent;
  return clause.token === ts.SyntaxKind.ImplementsKeyword || ts.isInterfaceDeclaration(clause.parent);
}

function isRequireCall(expression: ts.Expression | undefined): boolean {
  if (!expression || expression.kind !== ts.SyntaxKind.CallExpression) return false;
  const callee = (expression as ts.CallExpression).expression;
  return ts.isIdentifier(callee) && callee.text === 'require';
}

function isCamelCase(name: string): boolean {
  const first = name.charCodeAt(0);
  return (first >= 97 && first <= 122) || first === 95 || first === 36; // a-z, _ or $
}
