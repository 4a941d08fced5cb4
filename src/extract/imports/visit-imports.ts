import ts from '../../util/typescript.cjs';
import type { RawDependency } from '../file-facts.js';
import type { FileVisitor, VisitContext } from '../visitor.js';
import { getStringValue } from '../syntax.js';

/**
 * Records every way this file depends on another module (static import, re-export, `import()`,
 * `require()`, `import x = require()`) with the names it takes, plus what the file exports, so
 * that imports through barrels can later be attributed to the declaring file.
 */
const IMPORT_VISITOR_KINDS = [
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ModuleDeclaration,
];

export function createImportVisitor(): FileVisitor {
  const exportedLocals: { local: string; exported: string }[] = [];
  return {
    kinds: IMPORT_VISITOR_KINDS,
    visit(node, context) {
      switch (node.kind) {
        case ts.SyntaxKind.ImportDeclaration:
          visitImportDeclaration(node as ts.ImportDeclaration, context);
          break;
        case ts.SyntaxKind.ExportDeclaration:
          visitExportDeclaration(node as ts.ExportDeclaration, context, exportedLocals);
          break;
        case ts.SyntaxKind.ExportAssignment: {
          const expression = (node as ts.ExportAssignment).expression;
          if (ts.isIdentifier(expression)) exportedLocals.push({ local: expression.text, exported: 'default' });
          else context.facts.localExports.push('default');
          break;
        }
        case ts.SyntaxKind.ImportEqualsDeclaration:
          visitImportEquals(node as ts.ImportEqualsDeclaration, context);
          break;
        case ts.SyntaxKind.CallExpression:
          visitCall(node as ts.CallExpression, context);
          break;
        case ts.SyntaxKind.VariableStatement:
        case ts.SyntaxKind.FunctionDeclaration:
        case ts.SyntaxKind.ClassDeclaration:
        case ts.SyntaxKind.InterfaceDeclaration:
        case ts.SyntaxKind.TypeAliasDeclaration:
        case ts.SyntaxKind.EnumDeclaration:
        case ts.SyntaxKind.ModuleDeclaration:
          if (node.parent && ts.isSourceFile(node.parent)) recordExportedDeclaration(node, context);
          break;
        default:
          break;
      }
    },
    finish(context) {
      const bindings = new Map(context.facts.bindings.map((binding) => [binding.local, binding]));
      for (const { local, exported } of exportedLocals) {
        const binding = bindings.get(local);
        if (binding) {
          context.facts.reExports.push({ exported, imported: binding.imported, specifier: binding.specifier });
        } else {
          context.facts.localExports.push(exported);
        }
      }
    },
  };
}

function addDependency(context: VisitContext, dependency: Omit<RawDependency, 'target'>): void {
  // Spelled out rather than spread: this runs for every import of every file.
  context.facts.dependencies.push({
    specifier: dependency.specifier,
    kind: dependency.kind,
    line: dependency.line,
    names: dependency.names,
    target: { kind: 'unresolved' },
  });
}

function visitImportDeclaration(node: ts.ImportDeclaration, context: VisitContext): void {
  const specifier = getStringValue(node.moduleSpecifier);
  if (specifier === null) return;
  const line = context.lineOf(node);
  const clause = node.importClause;
  if (!clause) {
    addDependency(context, { specifier, kind: 'import', line, names: null });
    return;
  }
  const clauseTypeOnly = clause.isTypeOnly;
  const runtimeNames: string[] = [];
  const typeNames: string[] = [];
  let wholeModule: 'import' | 'type' | null = null;
  if (clause.name) {
    context.facts.bindings.push({ local: clause.name.text, imported: 'default', specifier, typeOnly: clauseTypeOnly });
    (clauseTypeOnly ? typeNames : runtimeNames).push('default');
  }
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    context.facts.bindings.push({ local: named.name.text, imported: '*', specifier, typeOnly: clauseTypeOnly });
    wholeModule = clauseTypeOnly ? 'type' : 'import';
  } else if (named) {
    for (const element of named.elements) {
      const imported = (element.propertyName ?? element.name).text;
      const typeOnly = clauseTypeOnly || element.isTypeOnly;
      context.facts.bindings.push({ local: element.name.text, imported, specifier, typeOnly });
      (typeOnly ? typeNames : runtimeNames).push(imported);
    }
  }
  if (wholeModule) addDependency(context, { specifier, kind: wholeModule, line, names: null });
  if (runtimeNames.length > 0) addDependency(context, { specifier, kind: 'import', line, names: runtimeNames });
  if (typeNames.length > 0) addDependency(context, { specifier, kind: 'type', line, names: typeNames });
  if (!wholeModule && runtimeNames.length === 0 && typeNames.length === 0) {
    addDependency(context, { specifier, kind: clauseTypeOnly ? 'type' : 'import', line, names: null });
  }
}

function visitExportDeclaration(
  node: ts.ExportDeclaration,
  context: VisitContext,
  exportedLocals: { local: string; exported: string }[],
): void {
  const clause = node.exportClause;
  const specifier = node.moduleSpecifier ? getStringValue(node.moduleSpecifier) : null;
  if (node.moduleSpecifier && specifier === null) return;
  const kind = node.isTypeOnly ? 'type' : 'import';
  const line = context.lineOf(node);
  if (specifier === null) {
    if (clause && ts.isNamedExports(clause)) {
      for (const element of clause.elements) {
        exportedLocals.push({ local: (element.propertyName ?? element.name).text, exported: element.name.text });
      }
    }
    return;
  }
  if (!clause) {
    context.facts.starExports.push(specifier);
    addDependency(context, { specifier, kind, line, names: null });
  } else if (ts.isNamespaceExport(clause)) {
    context.facts.reExports.push({ exported: clause.name.text, imported: '*', specifier });
    addDependency(context, { specifier, kind, line, names: null });
  } else {
    const runtimeNames: string[] = [];
    const typeNames: string[] = [];
    for (const element of clause.elements) {
      const imported = (element.propertyName ?? element.name).text;
      context.facts.reExports.push({ exported: element.name.text, imported, specifier });
      (node.isTypeOnly || element.isTypeOnly ? typeNames : runtimeNames).push(imported);
    }
    if (runtimeNames.length > 0) addDependency(context, { specifier, kind: 'import', line, names: runtimeNames });
    if (typeNames.length > 0) addDependency(context, { specifier, kind: 'type', line, names: typeNames });
  }
}

function visitImportEquals(node: ts.ImportEqualsDeclaration, context: VisitContext): void {
  const reference = node.moduleReference;
  if (!ts.isExternalModuleReference(reference)) return;
  const specifier = getStringValue(reference.expression);
  if (specifier === null) return;
  context.facts.bindings.push({ local: node.name.text, imported: '*', specifier, typeOnly: node.isTypeOnly });
  addDependency(context, { specifier, kind: node.isTypeOnly ? 'type' : 'require', line: context.lineOf(node), names: null });
}

function visitCall(node: ts.CallExpression, context: VisitContext): void {
  const [argument] = node.arguments;
  if (!argument || node.arguments.length !== 1) return;
  const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
  if (!isDynamicImport && !isRequire) return;
  const specifier = getStringValue(argument);
  if (specifier === null) return;
  const line = context.lineOf(node);
  if (isDynamicImport) {
    addDependency(context, { specifier, kind: 'dynamic', line, names: null });
    return;
  }
  const names = recordRequireBindings(node, specifier, context);
  addDependency(context, { specifier, kind: 'require', line, names });
}

/** `const x = require('m')` binds x to the module; `const { a, b: c } = require('m')` binds names. */
function recordRequireBindings(node: ts.CallExpression, specifier: string, context: VisitContext): string[] | null {
  const parent = node.parent;
  if (!parent || !ts.isVariableDeclaration(parent) || parent.initializer !== node) return null;
  if (ts.isIdentifier(parent.name)) {
    context.facts.bindings.push({ local: parent.name.text, imported: '*', specifier, typeOnly: false });
    return null;
  }
  if (!ts.isObjectBindingPattern(parent.name)) return null;
  const names: string[] = [];
  for (const element of parent.name.elements) {
    if (!ts.isIdentifier(element.name)) continue;
    const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
    context.facts.bindings.push({ local: element.name.text, imported, specifier, typeOnly: false });
    names.push(imported);
  }
  return names.length > 0 ? names : null;
}

function recordExportedDeclaration(node: ts.Node, context: VisitContext): void {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return;
  if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) {
    context.facts.localExports.push('default');
    return;
  }
  if (ts.isVariableStatement(node)) {
    for (const declaration of node.declarationList.declarations) {
      for (const name of getBoundNames(declaration.name)) context.facts.localExports.push(name);
    }
    return;
  }
  const name = (node as ts.DeclarationStatement).name;
  if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) context.facts.localExports.push(name.text);
}

export function getBoundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) names.push(...getBoundNames(element.name));
  }
  return names;
}
