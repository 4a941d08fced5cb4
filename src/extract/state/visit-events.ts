import ts from '../../util/typescript.cjs';
import { getDecoratorArguments, getDecoratorName, skipOuterExpressions } from '../syntax.js';
import type { VisitContext } from '../visitor.js';
import { getName, getReceiverName } from './get-name.js';
import type { PendingFact } from './pending-fact.js';

const PUBLISH_METHODS = new Set(['emit', 'emitAsync']);
const SUBSCRIBE_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'many']);
/**
 * Receivers whose events cross the network or belong to the runtime, not to in-process messaging
 * between modules: sockets (Socket.IO, ws), HTTP objects, streams, the process.
 */
const NOT_IN_PROCESS_RECEIVER = /^(socket|sockets|io|client|server|ws|wss|room|nsp|namespace|req|res|request|response|stream|process|app|window|document)$|(socket|stream|server|client)$/i;
/** Never a domain topic. */
const LIFECYCLE_TOPICS = new Set(
  (
    'error close end data finish drain open connect connected connection disconnect disconnected reconnect reconnecting ' +
    'ready listening timeout message exit beforeExit SIGTERM SIGINT SIGHUP SIGUSR2 uncaughtException unhandledRejection ' +
    'warning newListener removeListener readable pause resume pipe unpipe upgrade request response abort line ' +
    'completed failed progress active stalled waiting drained paused resumed cleaned removed delayed'
  ).split(' '),
);

/** Lifecycle events of Node, streams, sockets, clients and queues (`global:completed` too). */
export function isLifecycleTopic(topic: string): boolean {
  return LIFECYCLE_TOPICS.has(topic) || topic.startsWith('global:');
}

/**
 * In-process events: EventEmitter/EventEmitter2 `emit('topic')` and `on('topic', handler)`,
 * NestJS `@OnEvent('topic')`, and NestJS CQRS `eventBus.publish(new X())` / `@EventsHandler(X)`.
 * Such a topic, published in one service and handled in another, needs a broker after a split.
 */
export function visitEvents(node: ts.Node, context: VisitContext, facts: PendingFact[]): void {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    visitCall(node, node.expression, context, facts);
    return;
  }
  if (!ts.isDecorator(node)) return;
  const name = getDecoratorName(node);
  const args = getDecoratorArguments(node);
  if (name === 'OnEvent') {
    const first = args[0] ? skipOuterExpressions(args[0]) : undefined;
    const topics = first && ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
    for (const topic of topics) {
      const written = getName(topic);
      if (written) facts.push({ kind: 'event-subscribe', name: written, line: context.lineOf(node), detail: '@OnEvent' });
    }
  } else if (name === 'EventsHandler') {
    for (const argument of args) {
      const written = getName(argument);
      if (written) facts.push({ kind: 'event-subscribe', name: written, line: context.lineOf(node), detail: '@EventsHandler' });
    }
  }
}

function visitCall(node: ts.CallExpression, callee: ts.PropertyAccessExpression, context: VisitContext, facts: PendingFact[]): void {
  const method = callee.name.text;
  if (PUBLISH_METHODS.has(method) || SUBSCRIBE_METHODS.has(method)) {
    if (isNotInProcess(callee)) return;
    const topic = getName(node.arguments[0]);
    if (!topic) return;
    const subscribe = SUBSCRIBE_METHODS.has(method);
    if (subscribe && node.arguments.length < 2) return;
    const receiver = skipOuterExpressions(callee.expression);
    facts.push({
      kind: subscribe ? 'event-subscribe' : 'event-publish',
      name: topic,
      line: context.lineOf(node),
      detail: `${getReceiverName(callee) ?? '…'}.${method}`,
      ...(ts.isIdentifier(receiver) ? { emitter: receiver.text } : {}),
    });
    return;
  }
  if ((method === 'publish' || method === 'publishAll') && isEventBus(callee)) {
    const first = node.arguments[0] ? skipOuterExpressions(node.arguments[0]) : undefined;
    const events = method === 'publishAll' && first && ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
    for (const event of events) {
      const value = event ? skipOuterExpressions(event) : undefined;
      const topic = value && ts.isNewExpression(value) ? getName(value) : null;
      if (topic) facts.push({ kind: 'event-publish', name: topic, line: context.lineOf(node), detail: `eventBus.${method}` });
    }
  }
}

/** `socket.emit`, `this.server.to(room).emit`, `process.on`: network or runtime events. */
function isNotInProcess(callee: ts.PropertyAccessExpression): boolean {
  const receiver = skipOuterExpressions(callee.expression);
  if (ts.isCallExpression(receiver) || ts.isElementAccessExpression(receiver)) return true;
  if (ts.isPropertyAccessExpression(receiver) && ['broadcast', 'volatile', 'local'].includes(receiver.name.text)) return true;
  const name = getReceiverName(callee);
  return name !== null && name !== 'this' && NOT_IN_PROCESS_RECEIVER.test(name);
}

function isEventBus(callee: ts.PropertyAccessExpression): boolean {
  const name = getReceiverName(callee);
  return name !== null && /event_?bus$/i.test(name);
}

const EMITTER_CLASSES = new Set(['EventEmitter', 'EventEmitter2', 'EventTarget', 'Emittery', 'Emitter']);

/** `const orderEvents = new EventEmitter()` at module level: an emitter this file makes, by name. */
export function getEmitterDeclarations(node: ts.Node): string[] {
  if (!ts.isVariableStatement(node) || !ts.isSourceFile(node.parent)) return [];
  return node.declarationList.declarations.flatMap((declaration) => {
    const value = declaration.initializer ? skipOuterExpressions(declaration.initializer) : undefined;
    if (!ts.isIdentifier(declaration.name) || !value || !ts.isNewExpression(value)) return [];
    const className = ts.isIdentifier(value.expression) ? value.expression.text : ts.isPropertyAccessExpression(value.expression) ? value.expression.name.text : null;
    return className !== null && EMITTER_CLASSES.has(className) ? [declaration.name.text] : [];
  });
}
