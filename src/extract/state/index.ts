import ts from '../../util/typescript.cjs';
import { isModuleExports } from '../imports/record-object-exports.js';
import type { FileVisitor, VisitContext } from '../visitor.js';
import { collectConstants } from './collect-constants.js';
import { getEmitterDeclarations, isLifecycleTopic, visitEvents } from './visit-events.js';
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
  const emitters = new Set<string>();
  return {
    kinds: RELEVANT_KINDS,
    visit(node, context) {
      moduleState.visit(node, context);
      collectConstants(node, constants);
      for (const emitter of getEmitterDeclarations(node)) emitters.add(emitter);
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
        context.facts.state.push({
          kind: fact.kind,
          name,
          line: fact.line,
          detail: fact.detail,
          ...(reference ? { reference: true as const } : {}),
          ...toChannel(fact.emitter, emitters, context),
        });
      }
      if (emitters.size > 0) context.facts.emitters = getEmitterNames(emitters, context.sourceFile);
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

/**
 * Which emitter an event goes through, when the code made it: its own (`file#name`) or an
 * imported one (settled at link time). Events on a bus injected or reached otherwise
 * (`this.eventEmitter`) share one channel, as NestJS's global emitter does.
 */
function toChannel(emitter: string | undefined, emitters: ReadonlySet<string>, context: VisitContext): { channel?: string; channelImported?: true } {
  if (emitter === undefined) return {};
  if (emitters.has(emitter)) return { channel: `${context.facts.path}#${emitter}` };
  const imported = context.facts.bindings.some((binding) => binding.local === emitter && !binding.typeOnly);
  return imported ? { channel: emitter, channelImported: true } : {};
}

/** Each emitter by its own name and by the name its module exports it as (`export default bus`, `module.exports = bus`). */
function getEmitterNames(emitters: ReadonlySet<string>, sourceFile: ts.SourceFile): [string, string][] {
  const names: [string, string][] = [...emitters].map((name) => [name, name]);
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression) && emitters.has(statement.expression.text)) {
      names.push([statement.isExportEquals ? '*' : 'default', statement.expression.text]);
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { left, right } = statement.expression;
      if (isModuleExports(left) && ts.isIdentifier(right) && emitters.has(right.text)) names.push(['*', right.text]);
    }
  }
  return names;
}
