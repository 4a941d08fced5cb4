import ts from '../../util/typescript.cjs';
import { getDecoratorArguments, getDecoratorName, getObjectProperty, getPropertyName, getStringValue, skipOuterExpressions } from '../syntax.js';
import type { VisitContext } from '../visitor.js';
import { getDottedName, getEnclosingClassName, getName } from './get-name.js';
import type { PendingFact } from './pending-fact.js';

/** Methods a framework calls once per process start: a timer set there runs in every instance. */
const STARTUP_METHODS = new Set(['constructor', 'onModuleInit', 'onApplicationBootstrap']);
/** The functions and methods visitTimers looks at. */
const TIMER_METHODS = new Set(['setInterval', 'schedule', 'scheduleJob', 'from', 'every', 'add']);
/** Functions that, by their name, start something for the life of the process. */
const STARTUP_NAME = /^(schedule|start|init|initialize|bootstrap|setup|register)([A-Z_]|$)/;

/**
 * Timers and cron jobs, which run once per running instance: after a split (or just a second
 * replica) each copy fires. `setInterval` at module level or in a constructor/`onModuleInit`,
 * NestJS `@Cron`/`@Interval`, node-cron `cron.schedule`, node-schedule `scheduleJob`, cron's
 * `new CronJob`/`CronJob.from`, Agenda `every`, and Bull repeatable jobs (`add(…, { repeat })`).
 */
export function visitTimers(node: ts.Node, context: VisitContext, facts: PendingFact[]): void {
  if (ts.isDecorator(node)) {
    visitDecorator(node, context, facts);
    return;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'CronJob') {
    const expression = getScheduleText(node.arguments?.[0]);
    facts.push({ kind: 'cron', name: named(getCallbackName(node.arguments?.[1]) ?? expression), line: context.lineOf(node), detail: `new CronJob ${expression}` });
    return;
  }
  if (!ts.isCallExpression(node)) return;
  const callee = skipOuterExpressions(node.expression);
  // Most calls are none of these: the method's name decides before any dotted name is built.
  const method = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  if (method === null || !TIMER_METHODS.has(method)) return;
  const calleeName = getDottedName(callee);
  if (calleeName === 'setInterval' || calleeName?.endsWith('.setInterval')) {
    const where = getStartupContext(node);
    if (!where) return;
    facts.push({
      kind: 'timer',
      name: named(getCallbackName(node.arguments[0]) ?? `setInterval in ${where}`),
      line: context.lineOf(node),
      detail: `setInterval ${where === 'module' ? 'at module level' : `in ${where}`}`,
    });
    return;
  }
  if (!ts.isPropertyAccessExpression(callee)) return;
  const receiver = getDottedName(callee.expression) ?? '';
  const module = getBindingSpecifier(context, receiver.split('.')[0] ?? '');
  if (method === 'schedule' && (module === 'node-cron' || /^cron$/i.test(receiver))) {
    const expression = getScheduleText(node.arguments[0]);
    facts.push({ kind: 'cron', name: named(getCallbackName(node.arguments[1]) ?? expression), line: context.lineOf(node), detail: `node-cron ${expression}` });
  } else if (method === 'scheduleJob' && (module === 'node-schedule' || /^schedule$/i.test(receiver))) {
    const hasName = getStringValue(node.arguments[0]) !== null && node.arguments.length >= 3;
    const expression = getScheduleText(node.arguments[hasName ? 1 : 0]);
    const name = hasName ? getStringValue(node.arguments[0])! : (getCallbackName(node.arguments[1]) ?? expression);
    facts.push({ kind: 'cron', name: named(name), line: context.lineOf(node), detail: `node-schedule ${expression}` });
  } else if (method === 'from' && receiver === 'CronJob') {
    const options = node.arguments[0];
    const expression = getScheduleText(getObjectProperty(options, 'cronTime'));
    const name = getCallbackName(getObjectProperty(options, 'onTick')) ?? expression;
    facts.push({ kind: 'cron', name: named(name), line: context.lineOf(node), detail: `CronJob.from ${expression}` });
  } else if (method === 'every' && /agenda$/i.test(receiver)) {
    const job = getName(node.arguments[1]);
    if (job) facts.push({ kind: 'cron', name: job, line: context.lineOf(node), detail: `agenda.every ${getScheduleText(node.arguments[0])}` });
  } else if (method === 'add') {
    visitRepeatableJob(node, context, facts);
  }
}

function visitDecorator(node: ts.Decorator, context: VisitContext, facts: PendingFact[]): void {
  const decorator = getDecoratorName(node);
  if (decorator !== 'Cron' && decorator !== 'Interval') return;
  const method = node.parent;
  if (!ts.isMethodDeclaration(method)) return;
  const args = getDecoratorArguments(node);
  const fallback = `${getEnclosingClassName(method) ?? 'anonymous'}.${getPropertyName(method.name) ?? 'method'}`;
  if (decorator === 'Cron') {
    const name = getStringValue(getObjectProperty(args[1], 'name')) ?? fallback;
    facts.push({ kind: 'cron', name: named(name), line: context.lineOf(node), detail: `@Cron ${getScheduleText(args[0])}` });
  } else {
    const name = args.length >= 2 ? (getStringValue(args[0]) ?? fallback) : fallback;
    facts.push({ kind: 'timer', name: named(name), line: context.lineOf(node), detail: `@Interval ${getScheduleText(args[args.length - 1])}` });
  }
}

/** How a Bull/BullMQ repeatable job's detail starts: it runs once across instances, scheduled in Redis. */
export const REPEATABLE_JOB = 'repeatable job';

/** Bull/BullMQ `queue.add('job', data, { repeat: { cron | pattern | every } })`. */
function visitRepeatableJob(node: ts.CallExpression, context: VisitContext, facts: PendingFact[]): void {
  const options = node.arguments.find((argument) => getObjectProperty(argument, 'repeat') !== undefined);
  if (!options) return;
  const repeat = getObjectProperty(options, 'repeat');
  const schedule = getObjectProperty(repeat, 'cron') ?? getObjectProperty(repeat, 'pattern') ?? getObjectProperty(repeat, 'every');
  const job = getStringValue(node.arguments[0]) ?? 'repeatable job';
  facts.push({ kind: 'cron', name: named(job), line: context.lineOf(node), detail: `${REPEATABLE_JOB} ${getScheduleText(schedule)}` });
}

/**
 * `module` at top level, `Class.method` in a startup method, the function's name in a function
 * that by its name starts or schedules something (`scheduleStockSync`, `startPolling`), null
 * anywhere else: a timer set per request is cleared per request.
 */
function getStartupContext(node: ts.Node): string | null {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isConstructorDeclaration(current)) return `${getEnclosingClassName(current) ?? 'class'}.constructor`;
    if (ts.isMethodDeclaration(current)) {
      const name = getPropertyName(current.name);
      if (!name || !(STARTUP_METHODS.has(name) || STARTUP_NAME.test(name))) return null;
      return `${getEnclosingClassName(current) ?? 'class'}.${name}`;
    }
    if (ts.isFunctionLike(current) && !isImmediatelyInvoked(current)) {
      const name = getFunctionName(current);
      return name && STARTUP_NAME.test(name) ? name : null;
    }
  }
  return 'module';
}

/** `function f() {}`, `const f = () => {}`, `const f = function () {}`. */
function getFunctionName(node: ts.SignatureDeclaration): string | null {
  if (ts.isFunctionDeclaration(node)) return node.name?.text ?? null;
  const parent = node.parent;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  return null;
}

function isImmediatelyInvoked(node: ts.Node): boolean {
  let parent = node.parent;
  while (parent && ts.isParenthesizedExpression(parent)) parent = parent.parent;
  return !!parent && ts.isCallExpression(parent) && skipOuterExpressions(parent.expression) === skipOuterExpressions(node as ts.Expression);
}

/** `refreshRates`, `this.flush`, `this.flush.bind(this)`, `() => this.flush()` → the function's name. */
function getCallbackName(expression: ts.Expression | undefined): string | null {
  if (!expression) return null;
  let value = skipOuterExpressions(expression);
  if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === 'bind') {
    value = value.expression.expression;
  }
  if (ts.isIdentifier(value)) return value.text;
  if (ts.isPropertyAccessExpression(value)) return value.name.text;
  if ((ts.isFunctionExpression(value) || ts.isFunctionDeclaration(value)) && value.name) return value.name.text;
  // `() => issueMonthlyInvoices(source)` and `async () => { await this.sync(); }` are named by what they call.
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
    const body = value.body;
    const statements = ts.isBlock(body) ? body.statements : null;
    const only = statements?.length === 1 ? statements[0] : undefined;
    let call: ts.Expression | undefined = statements ? (only && ts.isExpressionStatement(only) ? only.expression : undefined) : (body as ts.Expression);
    if (call) call = skipOuterExpressions(ts.isAwaitExpression(call) ? call.expression : call);
    if (call && ts.isCallExpression(call)) return getCallbackName(call.expression);
  }
  return null;
}

/** A schedule as written: `'0 * * * *'`, `CronExpression.EVERY_HOUR`, `60_000`. */
function getScheduleText(expression: ts.Expression | undefined): string {
  if (!expression) return '';
  const literal = getStringValue(expression);
  if (literal !== null) return `'${literal}'`;
  const value = skipOuterExpressions(expression);
  if (ts.isNumericLiteral(value) || ts.isBinaryExpression(value)) return value.getText();
  return getDottedName(value) ?? '';
}

function getBindingSpecifier(context: VisitContext, local: string): string | null {
  return context.facts.bindings.find((binding) => binding.local === local)?.specifier ?? null;
}

function named(text: string): PendingFact['name'] {
  return { text, literal: true };
}
