import ts from '../../util/typescript.cjs';
import type { FileVisitor } from '../visitor.js';
import { skipOuterExpressions } from '../syntax.js';

/** Collections that are mutable state when created empty or changed in the file. */
const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);
/** Cache classes: state by definition. */
const CACHES = new Set(['LRUCache', 'LRU', 'QuickLRU', 'TTLCache', 'NodeCache', 'Keyv']);
/** Methods that change a collection or an array in place. */
const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill']);

interface Candidate {
  name: string;
  line: number;
  what: string;
  exported: boolean;
  /** Recorded whatever the file does with it (an empty collection, a cache). */
  always: boolean;
  /** Counts only if reassigned (`let`/`var`) or only if changed in place (a `const` literal or collection). */
  needs: 'reassigned' | 'mutated';
  /** An instance of a class of the code's own (`new Store()`): changed only by setting its fields. */
  singleton?: true;
}

/**
 * Module-level mutable state: `let`/`var` bindings the file reassigns, `Map`/`Set`/cache objects
 * and object/array literals that are created empty or changed in place, and static collection
 * fields of top-level classes. After a split each service gets its own copy of such state, so
 * what one service writes the others no longer see. Constants (`const ROLES = ['admin']`, a
 * lookup `new Set([...])` never changed) are left out.
 */
export function createModuleStateVisitor(): FileVisitor {
  const candidates: Candidate[] = [];
  const reassigned = new Set<string>();
  const mutated = new Set<string>();
  /** Changed by assigning or deleting a field (`store.current = …`), not by calling a method (`queue.add(job)`). */
  const fieldsChanged = new Map<string, number>();
  return {
    visit(node, context) {
      if (ts.isVariableStatement(node) && ts.isSourceFile(node.parent)) {
        const flags = node.declarationList.flags;
        const keyword = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : flags & ts.NodeFlags.Using ? null : 'var';
        if (!keyword) return;
        const exported = !!node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
        for (const declaration of node.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name)) continue;
          const candidate = toCandidate(keyword, declaration.initializer);
          if (candidate) candidates.push({ name: declaration.name.text, line: context.lineOf(declaration), exported, ...candidate });
        }
        return;
      }
      if (ts.isPropertyDeclaration(node) && isStatic(node) && ts.isClassDeclaration(node.parent) && ts.isSourceFile(node.parent.parent)) {
        const className = node.parent.name?.text;
        const propertyName = ts.isIdentifier(node.name) ? node.name.text : null;
        const candidate = toCandidate('const', node.initializer);
        if (className && propertyName && candidate?.always) {
          const exported = !!node.parent.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
          candidates.push({ name: `${className}.${propertyName}`, line: context.lineOf(node), exported, ...candidate });
        }
        return;
      }
      const change = recordChange(node, reassigned);
      if (change === null) return;
      mutated.add(change.root);
      if (!change.byMethod && !fieldsChanged.has(change.root)) fieldsChanged.set(change.root, context.lineOf(node));
    },
    finish(context) {
      const exports = new Set(context.facts.localExports);
      const declared = new Set(candidates.map((candidate) => candidate.name));
      for (const candidate of candidates) {
        // A singleton's methods (`queue.add(job)`, `client.set(key)`) are its API, not a change of its fields.
        const changes = candidate.singleton ? fieldsChanged : mutated;
        const changed = candidate.needs === 'reassigned' ? reassigned.has(candidate.name) : changes.has(candidate.name);
        const exported = candidate.exported || exports.has(candidate.name.split('.')[0]!);
        if (!candidate.always && !changed) {
          // Unchanged here, an exported object may still be changed by a file that imports it.
          if (exported && candidate.needs === 'mutated') {
            context.facts.stateCandidates ??= [];
            context.facts.stateCandidates.push([candidate.name, candidate.line, candidate.what]);
          }
          continue;
        }
        context.facts.state.push({
          kind: 'mutable-export',
          name: candidate.name,
          line: candidate.line,
          detail: `${exported ? 'exported' : 'module-level'} ${candidate.what}`,
        });
      }
      const imported = new Set(context.facts.bindings.filter((binding) => !binding.typeOnly && binding.imported !== '*').map((binding) => binding.local));
      for (const [root, line] of fieldsChanged) {
        if (declared.has(root) || !imported.has(root)) continue;
        context.facts.foreignMutations ??= [];
        context.facts.foreignMutations.push([root, line]);
      }
    },
  };
}

function toCandidate(keyword: 'const' | 'let' | 'var', initializer: ts.Expression | undefined): Omit<Candidate, 'name' | 'line' | 'exported'> | null {
  if (keyword !== 'const') return { what: keyword, always: false, needs: 'reassigned' };
  if (!initializer) return null;
  const value = skipOuterExpressions(initializer);
  if (ts.isNewExpression(value)) {
    const className = ts.isIdentifier(value.expression)
      ? value.expression.text
      : ts.isPropertyAccessExpression(value.expression)
        ? value.expression.name.text
        : null;
    if (className && CACHES.has(className)) return { what: `new ${className}`, always: true, needs: 'mutated' };
    if (className && COLLECTIONS.has(className)) {
      return { what: `new ${className}`, always: (value.arguments?.length ?? 0) === 0, needs: 'mutated' };
    }
    // A singleton (`export const store = new Store()`): state when its fields are changed.
    return className && /^[A-Z]/.test(className) ? { what: `new ${className}`, always: false, needs: 'mutated', singleton: true } : null;
  }
  if (ts.isObjectLiteralExpression(value)) return { what: 'object', always: value.properties.length === 0, needs: 'mutated' };
  if (ts.isArrayLiteralExpression(value)) return { what: 'array', always: value.elements.length === 0, needs: 'mutated' };
  return null;
}

function isStatic(node: ts.PropertyDeclaration): boolean {
  return !!node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
}

/**
 * Notes `x = …`, `x++` (reassigned) and returns the binding `x.a = …`, `x[k]++`, `delete x.a`,
 * `x.set(…)`, `Object.assign(x, …)` change in place (mutated), or null.
 */
function recordChange(node: ts.Node, reassigned: Set<string>): { root: string; byMethod: boolean } | null {
  const toChange = (root: string | null, byMethod: boolean) => (root === null ? null : { root, byMethod });
  let target: ts.Expression | null = null;
  if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) target = node.left;
  else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isIncrement(node.operator)) target = node.operand;
  else if (ts.isDeleteExpression(node)) target = node.expression;
  else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const callee = node.expression;
    if (MUTATORS.has(callee.name.text)) return toChange(getRootName(callee.expression), true);
    const isObjectAssign = callee.name.text === 'assign' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object';
    return isObjectAssign && node.arguments[0] ? toChange(getRootName(node.arguments[0]), false) : null;
  }
  if (!target) return null;
  const expression = skipOuterExpressions(target);
  if (ts.isIdentifier(expression)) {
    reassigned.add(expression.text);
    return null;
  }
  return toChange(getRootName(expression), false);
}

/** `stats.hits.count` → `stats`: the binding whose value a member change alters. */
function getRootName(expression: ts.Expression): string | null {
  let current = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
    current = skipOuterExpressions(current.expression);
  }
  return ts.isIdentifier(current) ? current.text : null;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isIncrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}
