import ts from '../../util/typescript.cjs';
import type { FileVisitor, VisitContext } from '../visitor.js';
import { collectConstants } from './collect-constants.js';
import { isLifecycleTopic, visitEvents } from './visit-events.js';
import { createModuleStateVisitor } from './visit-module-state.js';
import { visitQueues } from './visit-queues.js';
import { visitTimers } from './visit-timers.js';
import type { PendingFact } from './pending-fact.js';

/**
 * The only node kinds any part of this visitor looks at. It runs on every node of every file,
 * and most nodes (identifiers, keywords, literals, types) can be passed over with one look-up.
 */
const RELEVANT_KINDS: readonly ts.SyntaxKind[] = [
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.PrefixUnaryExpression,
  ts.SyntaxKind.PostfixUnaryExpression,
  ts.SyntaxKind.DeleteExpression,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.Decorator,
];

/**
 * Shared mutable state, in-process events, queues and timers: what stops working, or starts
 * running twice, when code that shares one process today runs as separate services.
 */
export function createStateVisitor(): FileVisitor {
  const moduleState = createModuleStateVisitor();
  const pending: PendingFact[] = [];
  const constants = new Map<string, string>();
  const queuesByBinding = new Map<string, PendingFact['name']>();
  return {
    kinds: RELEVANT_KINDS,
    visit(node, context) {
      moduleState.visit(node, context);
      collectConstants(node, constants);
      visitEvents(node, context, pending);
      visitQueues(node, context, pending, queuesByBinding);
      visitTimers(node, context, pending);
    },
    finish(context) {
      moduleState.finish?.(context);
      for (const fact of pending) {
        const name = resolveName(fact, constants, context);
        if (name === null) continue;
        if ((fact.kind === 'event-publish' || fact.kind === 'event-subscribe') && isLifecycleTopic(name)) continue;
        const reference = !fact.name.literal && !constants.has(fact.name.text);
        context.facts.state.push({ kind: fact.kind, name, line: fact.line, detail: fact.detail, ...(reference ? { reference: true as const } : {}) });
      }
      if (constants.size > 0) context.facts.stringConstants = [...constants];
    },
  };
}

/**
 * A literal is final; a reference resolves to the file's string constant when there is one,
 * and otherwise keeps its dotted name when it names something shared (an import, a class, an
 * UPPER_CASE constant). A lower-case local (`emit(topic)` inside a wrapper) is no topic at all.
 */
function resolveName(fact: PendingFact, constants: Map<string, string>, context: VisitContext): string | null {
  if (fact.name.literal) return fact.name.text;
  const value = constants.get(fact.name.text);
  if (value !== undefined) return value;
  const root = fact.name.text.split('.')[0]!;
  if (/^[A-Z]/.test(root)) return fact.name.text;
  return context.facts.bindings.some((binding) => binding.local === root) ? fact.name.text : null;
}
