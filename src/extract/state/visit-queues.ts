import ts from '../../util/typescript.cjs';
import { getDecoratorArguments, getDecoratorName, getObjectProperty, skipOuterExpressions } from '../syntax.js';
import type { VisitContext } from '../visitor.js';
import { getName } from './get-name.js';
import type { PendingFact } from './pending-fact.js';

/** Packages whose `Queue` class is a named job queue (https://docs.bullmq.io, https://github.com/OptimalBits/bull). */
const QUEUE_PACKAGES = new Set(['bull', 'bullmq', 'bee-queue', '@nestjs/bull', '@nestjs/bullmq', 'bullmq-pro']);
const WORKER_PACKAGES = new Set(['bullmq', 'bullmq-pro']);

/**
 * Job queues by name: producers (`@InjectQueue('q')`, `new Queue('q')`), consumers
 * (`@Processor('q')`, BullMQ `new Worker('q', …)`, Bull's `queue.process(…)` on a queue of the
 * same file) and registrations (`BullModule.registerQueue({ name })`). A queue produced in one
 * service and consumed in another keeps working after a split only if both reach one Redis.
 */
export function visitQueues(node: ts.Node, context: VisitContext, facts: PendingFact[], queuesByBinding: Map<string, PendingFact['name']>): void {
  if (ts.isDecorator(node)) {
    const name = getDecoratorName(node);
    if (name !== 'InjectQueue' && name !== 'Processor') return;
    const [first] = getDecoratorArguments(node);
    const written = getQueueName(first) ?? { text: 'default', literal: true };
    if (name === 'InjectQueue') facts.push({ kind: 'queue-produce', name: written, line: context.lineOf(node), detail: '@InjectQueue' });
    else if (ts.isClassDeclaration(node.parent)) {
      facts.push({ kind: 'queue-consume', name: written, line: context.lineOf(node), detail: '@Processor' });
    }
    return;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    const className = node.expression.text;
    const binding = context.facts.bindings.find((candidate) => candidate.local === className);
    const written = getName(node.arguments?.[0]);
    if (!written) return;
    const imported = binding && QUEUE_PACKAGES.has(binding.specifier) ? binding.imported : null;
    const isQueue = imported === null ? !binding && className === 'Queue' : ['Queue', 'default', '*'].includes(imported);
    if (isQueue) {
      facts.push({ kind: 'queue-produce', name: written, line: context.lineOf(node), detail: `new ${className}` });
      const declaration = node.parent;
      if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) queuesByBinding.set(declaration.name.text, written);
    } else if (imported === 'Worker' && WORKER_PACKAGES.has(binding!.specifier)) {
      facts.push({ kind: 'queue-consume', name: written, line: context.lineOf(node), detail: 'new Worker' });
    }
    return;
  }
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
  const callee = node.expression;
  const receiver = skipOuterExpressions(callee.expression);
  if (callee.name.text === 'process' && ts.isIdentifier(receiver)) {
    const queue = queuesByBinding.get(receiver.text);
    if (queue) facts.push({ kind: 'queue-consume', name: queue, line: context.lineOf(node), detail: `${receiver.text}.process` });
    return;
  }
  if (callee.name.text === 'registerQueue' && ts.isIdentifier(receiver) && receiver.text === 'BullModule') {
    for (const argument of node.arguments) {
      const written = getQueueName(argument);
      if (written) facts.push({ kind: 'queue-produce', name: written, line: context.lineOf(argument), detail: 'registerQueue' });
    }
  }
}

/** `'q'`, `QUEUE_NAME` or `{ name: 'q' }`. */
function getQueueName(expression: ts.Expression | undefined): PendingFact['name'] | null {
  if (!expression) return null;
  const value = skipOuterExpressions(expression);
  if (ts.isObjectLiteralExpression(value)) return getName(getObjectProperty(value, 'name'));
  return getName(value);
}
