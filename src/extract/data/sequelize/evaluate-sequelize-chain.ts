import ts from '../../../util/typescript.cjs';
import type { DataAccessKind } from '../../../types.js';
import type { TableRef } from '../../file-facts.js';
import { getObjectProperty, getStringValue, skipOuterExpressions } from '../../syntax.js';
import { type ChainLink, getCallChain } from '../call-chain.js';
import { hasLinkNamed } from '../class-orm/chain-filter.js';
import { toTransactionId } from '../find-transaction-id.js';
import { evaluateRoot } from '../class-orm/evaluate-root.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import { getLinkNameNode, isClassLikeName } from '../class-orm/syntax.js';
import type { EntityTarget, Value } from '../class-orm/values.js';
import { toThroughMember } from './declare-models.js';
import {
  INSTANCE_READS,
  INSTANCE_WRITES,
  MODEL_READ_WRITES,
  MODEL_READS,
  MODEL_WRITES,
  RELEVANT,
  RETURNS_INSTANCE,
  RETURNS_MODEL,
} from './methods.js';

interface Run {
  env: OrmEnv;
  emitting: boolean;
}

/**
 * Evaluates a Sequelize chain: static model calls (`User.findAll({ include: [Role] })`,
 * `db.User.create()`, `this.userModel.destroy()`), instance calls (`user.save()` on an instance
 * from `User.build()` or `await User.findByPk()`), and transactions (`sequelize.transaction()`).
 */
export function evaluateSequelizeChain(top: ts.CallExpression, env: OrmEnv, emitting: boolean): Value | null {
  if (!hasLinkNamed(top, (name) => RELEVANT.has(name))) return null;
  const chain = getCallChain(top);
  if (chain.rootCalled) return null;
  const run: Run = { env, emitting };
  let value = evaluateRoot(chain.root, env);
  for (const link of chain.links) {
    if (!value) return null;
    value = step(value, link, run);
  }
  return value;
}

function step(value: Value, link: ChainLink, run: Run): Value | null {
  switch (value.kind) {
    case 'unknown':
      return stepUnknown(value, link, run);
    case 'manager':
      return stepConnection(link, run);
    case 'model':
      return stepModel(value.entity, link, run);
    case 'instance':
      return stepInstance(value.entity, link, run);
    case 'this':
      return stepThis(value.owner, link, run);
    default:
      return null;
  }
}

/**
 * An identifier nothing in the file explains: a model class (`User.findAll()`), imported or
 * declared here, or a model registry (`db.User`, `models.User`, `sequelize.models.User`).
 */
function stepUnknown(value: Extract<Value, { kind: 'unknown' }>, link: ChainLink, run: Run): Value | null {
  if (link.name === 'transaction' || link.name === 'models' || link.name === 'getRepository' || link.name === 'model') return stepConnection(link, run);
  if (link.name === 'sequelize' && link.args === null) return { kind: 'manager' };
  if (link.args === null) {
    return isClassLikeName(link.name) ? { kind: 'model', entity: { ref: { kind: 'model', orm: 'sequelize', name: link.name }, speculative: true } } : null;
  }
  return stepModel({ ref: toModelRef(value.name, run), speculative: true }, link, run);
}

/** The Sequelize instance: `sequelize.transaction(...)`, `sequelize.models.User`, `sequelize.model('User')`. */
function stepConnection(link: ChainLink, run: Run): Value | null {
  if (link.args === null) {
    if (link.name === 'models') return { kind: 'manager' };
    return isClassLikeName(link.name) ? { kind: 'model', entity: { ref: { kind: 'model', orm: 'sequelize', name: link.name }, speculative: true } } : null;
  }
  // `sequelize.model('User')`: a defined model looked up by its name.
  if (link.name === 'model' && link.args.length === 1) {
    const modelName = getStringValue(link.args[0]);
    return modelName ? { kind: 'model', entity: { ref: { kind: 'model', orm: 'sequelize', name: modelName }, speculative: false } } : null;
  }
  // sequelize-typescript's repository mode: `sequelize.getRepository(User)`.
  if (link.name === 'getRepository' && link.args[0] && ts.isIdentifier(link.args[0])) {
    return { kind: 'model', entity: { ref: toModelRef(link.args[0].text, run), speculative: false } };
  }
  if (link.name !== 'transaction') return null;
  const id = toTransactionId(link.node);
  const callback = [...link.args].reverse().find((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) as
    | ts.ArrowFunction
    | ts.FunctionExpression
    | undefined;
  if (!callback) return { kind: 'transaction', id };
  const parameter = callback.parameters[0];
  if (parameter && ts.isIdentifier(parameter.name)) run.env.scope.bind(parameter.name.text, callback, { kind: 'transaction', id });
  return null;
}

function stepModel(entity: EntityTarget, link: ChainLink, run: Run): Value | null {
  if (link.args === null) return null;
  const name = link.name;
  if (RETURNS_MODEL.has(name)) return { kind: 'model', entity };
  const reads = MODEL_READS.has(name) || MODEL_READ_WRITES.has(name);
  const writes = MODEL_WRITES.has(name) || MODEL_READ_WRITES.has(name);
  if (reads || writes) {
    const transactionId = findTransactionOption(link.args, run);
    const includes = reads ? getIncludes(link.args, run) : [];
    const queryId = includes.length > 0 ? `q${link.node.pos}` : undefined;
    if (reads) emit(run, entity, 'read', link, queryId, transactionId);
    if (writes) emit(run, entity, 'write', link, queryId, transactionId);
    for (const include of includes) {
      emit(run, include.target, 'read', link, queryId, transactionId);
      const through = toThroughRef(entity, include.name);
      if (through) emit(run, { ref: through, speculative: true }, 'read', link, queryId, transactionId);
    }
  }
  return RETURNS_INSTANCE.has(name) ? { kind: 'instance', entity } : null;
}

function stepInstance(entity: EntityTarget, link: ChainLink, run: Run): Value | null {
  if (link.args === null) return null;
  const transactionId = findTransactionOption(link.args, run);
  if (INSTANCE_WRITES.has(link.name)) emit(run, entity, 'write', link, undefined, transactionId);
  else if (INSTANCE_READS.has(link.name)) emit(run, entity, 'read', link, undefined, transactionId);
  return null;
}

/** `this.userModel` (an injected model); `this.findAll()` in a static method of a model class. */
function stepThis(owner: ts.Node, link: ChainLink, run: Run): Value | null {
  if (link.args === null) return run.env.scope.getMember(owner, link.name) ?? null;
  const model = run.env.scope.getMember(owner, '#model');
  if (model?.kind !== 'model') return null;
  return isInStaticMethod(link.node) ? stepModel(model.entity, link, run) : stepInstance(model.entity, link, run);
}

function isInStaticMethod(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isMethodDeclaration(current) || ts.isPropertyDeclaration(current)) {
      return !!ts.getModifiers(current)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
    }
    if (ts.isClassLike(current)) return false;
  }
  return false;
}

/**
 * A model named by an identifier: the class or `define()` result it resolves to, else, for an
 * import from a registry that is filled at run time (`const { User } = require('./models')`),
 * the model registered under that name.
 */
export function toModelRef(name: string, run: Run): TableRef {
  const binding = run.env.context.facts.bindings.find((candidate) => candidate.local === name);
  const modelName = binding && binding.imported !== 'default' && binding.imported !== '*' ? binding.imported : name;
  return { kind: 'either', refs: [{ kind: 'symbol', name }, { kind: 'model', orm: 'sequelize', name: modelName }] };
}

interface Include {
  target: EntityTarget;
  /** The identifier the include names, for the junction of a many-to-many association. */
  name: string | null;
}

/** `include: [Role, { model: Post, include: [Comment] }]`: the models a query joins. */
function getIncludes(args: readonly ts.Expression[], run: Run): Include[] {
  const includes: Include[] = [];
  const visit = (expression: ts.Expression | undefined): void => {
    if (!expression) return;
    const node = skipOuterExpressions(expression);
    if (ts.isArrayLiteralExpression(node)) {
      node.elements.forEach(visit);
    } else if (ts.isObjectLiteralExpression(node)) {
      addModel(getObjectProperty(node, 'model'));
      visit(getObjectProperty(node, 'include'));
    } else {
      addModel(node);
    }
  };
  const addModel = (expression: ts.Expression | undefined): void => {
    if (!expression) return;
    const node = skipOuterExpressions(expression);
    if (ts.isIdentifier(node)) {
      includes.push({ target: { ref: toModelRef(node.text, run), speculative: false }, name: node.text });
    } else if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      // `include: [this.photoModel]` with `@InjectModel(Photo) private photoModel: typeof Photo`.
      const value = evaluateRoot(node, run.env);
      if (value?.kind === 'model') includes.push({ target: value.entity, name: null });
    } else if (ts.isPropertyAccessExpression(node) && isClassLikeName(node.name.text)) {
      const value = evaluateRoot(node, run.env);
      const target: EntityTarget =
        value?.kind === 'model' ? value.entity : { ref: { kind: 'model', orm: 'sequelize', name: node.name.text }, speculative: false };
      includes.push({ target, name: null });
    }
  };
  for (const arg of args) {
    if (ts.isObjectLiteralExpression(arg)) visit(getObjectProperty(arg, 'include'));
  }
  return includes;
}

/** The junction of a `@BelongsToMany` association between the queried model and an included one. */
function toThroughRef(entity: EntityTarget, include: string | null): TableRef | null {
  if (!include) return null;
  const ref = entity.ref.kind === 'either' ? entity.ref.refs[0] : entity.ref;
  return ref?.kind === 'symbol' ? { kind: 'symbol', name: toThroughMember(ref.name, include) } : null;
}

/** `{ transaction: t }` with `t` from `await sequelize.transaction()` or a transaction callback. */
function findTransactionOption(args: readonly ts.Expression[], run: Run): string | undefined {
  for (const arg of args) {
    if (!ts.isObjectLiteralExpression(arg)) continue;
    const option = getObjectProperty(arg, 'transaction');
    if (!option) continue;
    const value = evaluateRoot(option, run.env);
    if (value?.kind === 'transaction') return value.id;
  }
  return undefined;
}

function emit(run: Run, entity: EntityTarget, access: DataAccessKind, link: ChainLink, queryId: string | undefined, transactionId: string | undefined): void {
  if (!run.emitting) return;
  run.env.emitter.emit(entity, access, getLinkNameNode(link.node), {
    ...(queryId ? { queryId } : {}),
    ...(transactionId ? { transactionId } : {}),
  });
}
