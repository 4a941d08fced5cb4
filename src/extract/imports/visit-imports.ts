import path from 'node:path';
import ts from '../../util/typescript.cjs';
import type { ImportBinding, RawDependency } from '../file-facts.js';
import type { FileVisitor, VisitContext } from '../visitor.js';
import { getCalleeName, getStringValue, skipOuterExpressions } from '../syntax.js';
import {
  createObjectExports,
  getAssignedLocalExports,
  getDefinedReExports,
  getModuleExportedLocal,
  getModuleObjectLocalExports,
  getObjectExports,
  isModuleExports,
  recordExportedObject,
  recordDefinedExport,
  recordModuleExports,
  recordObjectVariables,
} from './record-object-exports.js';
import {
  applyMemberUses,
  createMemberUses,
  type MemberUses,
  recordIdentifierUse,
  trackBinding,
} from './track-member-uses.js';

/**
 * Records every way this file depends on another module (static import, re-export, `import()`,
 * `require()`, `import x = require()`) with the names it takes and the members of its bindings it
 * uses (`services.users`), plus what the file exports (object barrels included), so that imports
 * through barrels can later be attributed to the declaring file.
 */
const IMPORT_VISITOR_KINDS = [
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.ExpressionStatement,
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
  const folderLoader = { readsOwnFolder: false, requireLine: 0 };
  const computed: ts.CallExpression[] = [];
  const exportedLocals: { local: string; exported: string }[] = [];
  const uses = createMemberUses();
  const objects = createObjectExports();
  return {
    kinds: IMPORT_VISITOR_KINDS,
    visit(node, context) {
      // Identifiers are most of the nodes a visitor is offered: they go first.
      if (node.kind === ts.SyntaxKind.Identifier) {
        recordIdentifierUse(uses, node as ts.Identifier);
        return;
      }
      switch (node.kind) {
        case ts.SyntaxKind.ExpressionStatement:
          if (node.parent && ts.isSourceFile(node.parent)) {
            recordModuleExports(objects, node as ts.ExpressionStatement);
            recordDefinedExport(objects, node as ts.ExpressionStatement);
            recordModuleAlias(node as ts.ExpressionStatement, context);
          }
          break;
        case ts.SyntaxKind.ImportDeclaration:
          visitImportDeclaration(node as ts.ImportDeclaration, context, uses);
          break;
        case ts.SyntaxKind.ExportDeclaration:
          visitExportDeclaration(node as ts.ExportDeclaration, context, exportedLocals);
          break;
        case ts.SyntaxKind.ExportAssignment: {
          const assignment = node as ts.ExportAssignment;
          const expression = assignment.expression;
          if (ts.isIdentifier(expression)) {
            exportedLocals.push({ local: expression.text, exported: 'default' });
            if (assignment.isExportEquals) objects.moduleLocals.push(expression.text);
            recordModuleAlias(assignment, context);
          } else {
            recordExportedObject(objects, assignment);
            context.facts.localExports.push('default');
          }
          break;
        }
        case ts.SyntaxKind.ImportEqualsDeclaration:
          visitImportEquals(node as ts.ImportEqualsDeclaration, context, uses);
          break;
        case ts.SyntaxKind.CallExpression:
          if (!visitCall(node as ts.CallExpression, context, uses)) computed.push(node as ts.CallExpression);
          noteFolderLoading(node as ts.CallExpression, folderLoader, context);
          break;
        case ts.SyntaxKind.VariableStatement:
          if (node.parent && ts.isSourceFile(node.parent)) {
            recordObjectVariables(objects, node as ts.VariableStatement, hasExportModifier(node));
            recordExportedDeclaration(node, context);
          }
          break;
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
      if (folderLoader.readsOwnFolder && folderLoader.requireLine > 0) context.facts.loadsOwnFolder = folderLoader.requireLine;
      // A folder loader's computed require is followed (to every file of its folder); any other is said.
      else for (const call of computed) reportComputedSpecifier(call, context);
      const bindings = new Map(context.facts.bindings.map((binding) => [binding.local, binding]));
      for (const { local, exported } of exportedLocals) {
        const binding = bindings.get(local);
        if (binding) {
          context.facts.reExports.push({ exported, imported: binding.imported, specifier: binding.specifier });
        } else {
          context.facts.localExports.push(exported);
        }
      }
      // TypeScript declares every export up front (`exports.X = void 0`), re-exports included.
      const definedReExports = getDefinedReExports(objects, bindings);
      const reExported = new Set(definedReExports.map((entry) => entry.exported));
      context.facts.reExports.push(...definedReExports);
      context.facts.localExports.push(...getAssignedLocalExports(objects, bindings).filter((name) => !reExported.has(name)));
      for (const name of getModuleObjectLocalExports(objects, bindings)) {
        if (!context.facts.localExports.includes(name)) context.facts.localExports.push(name);
      }
      applyMemberUses(uses);
      context.facts.objectExports = getObjectExports(objects, bindings, exportedLocals);
    },
  };
}

function addDependency(context: VisitContext, dependency: Omit<RawDependency, 'target'>): RawDependency {
  // Spelled out rather than spread: this runs for every import of every file.
  const added: RawDependency = {
    specifier: dependency.specifier,
    kind: dependency.kind,
    line: dependency.line,
    names: dependency.names,
    target: { kind: 'unresolved' },
  };
  context.facts.dependencies.push(added);
  return added;
}

function addBindings(context: VisitContext, uses: MemberUses, bindings: ImportBinding[], dependency: RawDependency): void {
  for (const binding of bindings) {
    context.facts.bindings.push(binding);
    trackBinding(uses, binding, dependency);
  }
}

function visitImportDeclaration(node: ts.ImportDeclaration, context: VisitContext, uses: MemberUses): void {
  const specifier = getStringValue(node.moduleSpecifier);
  if (specifier === null) return;
  const line = context.lineOf(node);
  const clause = node.importClause;
  if (!clause) {
    addDependency(context, { specifier, kind: 'import', line, names: null });
    return;
  }
  const clauseTypeOnly = clause.isTypeOnly;
  const runtime: ImportBinding[] = [];
  const types: ImportBinding[] = [];
  let namespace: ImportBinding | null = null;
  if (clause.name) {
    (clauseTypeOnly ? types : runtime).push({ local: clause.name.text, imported: 'default', specifier, typeOnly: clauseTypeOnly });
  }
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    namespace = { local: named.name.text, imported: '*', specifier, typeOnly: clauseTypeOnly };
  } else if (named) {
    for (const element of named.elements) {
      const imported = (element.propertyName ?? element.name).text;
      const typeOnly = clauseTypeOnly || element.isTypeOnly;
      (typeOnly ? types : runtime).push({ local: element.name.text, imported, specifier, typeOnly });
    }
  }
  if (namespace) {
    addBindings(context, uses, [namespace], addDependency(context, { specifier, kind: clauseTypeOnly ? 'type' : 'import', line, names: null }));
  }
  if (runtime.length > 0) {
    const names = runtime.map((binding) => binding.imported);
    addBindings(context, uses, runtime, addDependency(context, { specifier, kind: 'import', line, names }));
  }
  if (types.length > 0) {
    const names = types.map((binding) => binding.imported);
    addBindings(context, uses, types, addDependency(context, { specifier, kind: 'type', line, names }));
  }
  if (!namespace && runtime.length === 0 && types.length === 0) {
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

function visitImportEquals(node: ts.ImportEqualsDeclaration, context: VisitContext, uses: MemberUses): void {
  const reference = node.moduleReference;
  if (!ts.isExternalModuleReference(reference)) return;
  const specifier = getStringValue(reference.expression);
  if (specifier === null) return;
  const binding: ImportBinding = { local: node.name.text, imported: '*', specifier, typeOnly: node.isTypeOnly };
  const kind = node.isTypeOnly ? 'type' : 'require';
  addBindings(context, uses, [binding], addDependency(context, { specifier, kind, line: context.lineOf(node), names: null }));
}

/** Records an `import()` or `require()`; false for one whose specifier is computed at run time. */
function visitCall(node: ts.CallExpression, context: VisitContext, uses: MemberUses): boolean {
  const [argument] = node.arguments;
  if (!argument) return true;
  const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
  if (!isDynamicImport && !isRequire) return true;
  const specifier = getStringValue(argument) ?? getOwnFolderPath(argument);
  if (specifier === null) return false;
  if (node.arguments.length !== 1 && !isDynamicImport) return true;
  const line = context.lineOf(node);
  if (isDynamicImport) {
    addDependency(context, { specifier, kind: 'dynamic', line, names: null });
    return true;
  }
  if (isCompiledExportStar(node)) context.facts.starExports.push(specifier);
  const bindings = getRequireBindings(node, specifier);
  const wholeModule = bindings.length === 0 || bindings[0]!.imported === '*';
  const names = wholeModule ? null : bindings.map((binding) => binding.imported);
  addBindings(context, uses, bindings, addDependency(context, { specifier, kind: 'require', line, names }));
  return true;
}

/**
 * `` import(`./plugins/${name}`) ``, `require('./' + name)`: seams cannot tell which file is meant,
 * and says so rather than drop the dependency silently. A specifier that names a package by a
 * variable (`require(configPath)`) is said too; an info note, not a warning.
 */
function reportComputedSpecifier(call: ts.CallExpression, context: VisitContext): void {
  const text = call.arguments[0]!.getText(context.sourceFile).replace(/\s+/g, ' ');
  context.facts.diagnostics.push({
    code: 'computed-import',
    severity: 'info',
    file: context.facts.path,
    line: context.lineOf(call),
    message: `cannot tell which module ${call.expression.kind === ts.SyntaxKind.ImportKeyword ? 'import' : 'require'}(${text.length > 60 ? `${text.slice(0, 59)}…` : text}) loads: its specifier is computed at run time`,
  });
}

/**
 * Notes the two halves of a folder loader: listing the file's own folder
 * (`fs.readdirSync(__dirname)`, `readdirSync(path.join(__dirname))`, `import.meta.dirname`) and
 * requiring or importing by a computed name.
 */
function noteFolderLoading(node: ts.CallExpression, loader: { readsOwnFolder: boolean; requireLine: number }, context: VisitContext): void {
  const name = getCalleeName(node);
  const [argument] = node.arguments;
  if (!argument) return;
  if ((name === 'require' || node.expression.kind === ts.SyntaxKind.ImportKeyword) && getStringValue(argument) === null && getOwnFolderPath(argument) === null) {
    loader.requireLine ||= context.lineOf(node);
  } else if ((name === 'readdirSync' || name === 'readdir') && isOwnFolder(argument)) {
    loader.readsOwnFolder = true;
  }
}

/**
 * A path built from the file's own folder and literal parts, as a relative specifier:
 * `path.join(__dirname, 'routes')`, `path.resolve(__dirname, '..', 'models', 'user')`,
 * `__dirname + '/lib/mailer'`, `` `${__dirname}/lib/mailer` `` → `./routes`, `../models/user`,
 * `./lib/mailer`. Older Express apps require their parts this way.
 */
function getOwnFolderPath(expression: ts.Expression): string | null {
  const node = skipOuterExpressions(expression);
  let parts: string[] | null = null;
  if (ts.isCallExpression(node) && node.arguments.length > 1 && isOwnFolder(node.arguments[0]!)) {
    const callee = skipOuterExpressions(node.expression);
    if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'join' && callee.name.text !== 'resolve')) return null;
    const rest = node.arguments.slice(1).map((argument) => getStringValue(argument));
    if (rest.some((part) => part === null)) return null;
    parts = rest as string[];
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && isOwnFolder(node.left)) {
    const rest = getStringValue(node.right);
    parts = rest === null ? null : [rest];
  } else if (ts.isTemplateExpression(node) && node.head.text === '' && node.templateSpans.length === 1 && isOwnFolder(node.templateSpans[0]!.expression)) {
    parts = [node.templateSpans[0]!.literal.text];
  }
  if (parts === null || parts.some((part) => part.startsWith('/') && part !== parts![0])) return null;
  const joined = path.posix.join('.', ...parts.map((part) => part.replace(/^\/+/, '')));
  if (joined === '.' || joined === '') return null;
  return joined.startsWith('.') ? joined : `./${joined}`;
}

/** `__dirname`, `import.meta.dirname`, or `path.join(__dirname)` / `path.resolve(__dirname)` alone. */
function isOwnFolder(expression: ts.Expression): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) return node.text === '__dirname';
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'dirname' && ts.isMetaProperty(node.expression);
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const callee = skipOuterExpressions(node.expression);
  return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'join' || callee.name.text === 'resolve') && isOwnFolder(node.arguments[0]!);
}

/**
 * TypeScript's CommonJS output for `export * from './x'`: `__exportStar(require('./x'), exports)`,
 * `tslib_1.__exportStar(…)` with importHelpers. Compiled barrels (a package's dist/) would
 * otherwise be plain files requiring everything, hubs for every importer.
 */
/**
 * A `require()` whose module this file re-exports whole: TypeScript's `__exportStar(require('m'),
 * exports)`, and CommonJS's `module.exports = require('m')` and `Object.assign(module.exports,
 * require('m'))`, so that a name taken from this file is attributed to the file that declares it.
 */
function isCompiledExportStar(require: ts.CallExpression): boolean {
  const parent = require.parent;
  if (!parent) return false;
  if (ts.isCallExpression(parent)) {
    const name = getCalleeName(parent);
    if (name === '__exportStar') return parent.arguments[0] === require;
    return name === 'assign' && parent.arguments.length >= 2 && parent.arguments.indexOf(require) > 0 && isModuleExports(skipOuterExpressions(parent.arguments[0]!));
  }
  return (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === require &&
    isModuleExports(parent.left) &&
    ts.isExpressionStatement(parent.parent)
  );
}

/** TypeScript's wrappers of `require()` under esModuleInterop: `__importStar(require('m'))`, `tslib_1.__importDefault(…)`. */
function isCompiledImportHelper(node: ts.Node | undefined): node is ts.CallExpression {
  if (!node || !ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const name = getCalleeName(node);
  return name === '__importStar' || name === '__importDefault';
}

/** `const x = require('m')` binds x to the module (`*`); `const { a, b: c } = require('m')` binds names. */
function getRequireBindings(node: ts.CallExpression, specifier: string): ImportBinding[] {
  const value = isCompiledImportHelper(node.parent) ? node.parent : node;
  const parent = value.parent;
  if (!parent || !ts.isVariableDeclaration(parent) || parent.initializer !== value) return [];
  if (ts.isIdentifier(parent.name)) return [{ local: parent.name.text, imported: '*', specifier, typeOnly: false }];
  if (!ts.isObjectBindingPattern(parent.name)) return [];
  const bindings: ImportBinding[] = [];
  for (const element of parent.name.elements) {
    if (!ts.isIdentifier(element.name)) continue;
    const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
    bindings.push({ local: element.name.text, imported, specifier, typeOnly: false });
  }
  return bindings;
}

function hasExportModifier(node: ts.Node): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
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

/** `module.exports = User`: the module as a whole (`#*`, what `require()` gives) stands for the local `User`. */
function recordModuleAlias(node: ts.ExpressionStatement | ts.ExportAssignment, context: VisitContext): void {
  const local = getModuleExportedLocal(node);
  if (local !== null) context.facts.aliases.push({ symbol: '*', target: { kind: 'symbol', name: local } });
}
