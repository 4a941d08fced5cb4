import ts from '../../../util/typescript.cjs';
import { getObjectProperty, getStringValue, skipOuterExpressions } from '../../syntax.js';
import { type ChainLink, getCallChain } from '../call-chain.js';
import { hasLinkNamed } from './chain-filter.js';
import { toTransactionId } from '../find-transaction-id.js';
import type { OrmEnv } from './orm-env.js';
import { emitRelationReads, getRelationPaths } from './relation-reads.js';
import { classifyMethod, isBuiltInMethod, isRelevantName, type RepositoryDialect, toRepositoryMember } from './repository-dialect.js';
import { evaluateRoot } from './evaluate-root.js';
import { toQueryId } from '../find-transaction-id.js';
import { emit, type Run } from './repository-run.js';
import { INHERITED_REPOSITORY } from './scope.js';
import { createBuilder, finishBuilder, stepBuilder } from './step-builder.js';
import { getLinkNameNode, isClassLikeName } from './syntax.js';
import { toEntityTarget } from './to-entity-target.js';
import { type EntityTarget, toSymbolTarget, type Value } from './values.js';

/**
 * Evaluates a repository-style chain link by link: `this.repo.find()`, `manager.save(User, …)`,
 * `dataSource.getRepository(User).createQueryBuilder('u').leftJoin('u.roles', 'r').getMany()`.
 * Each link turns the value before it into the next (repository → builder → builder …) and
 * records the accesses it makes.
 */
export function evaluateRepositoryChain(dialect: RepositoryDialect, top: ts.CallExpression, env: OrmEnv, emitting: boolean): Value | null {
  if (!hasLinkNamed(top, (name) => isRelevantName(dialect, name))) return null;
  const chain = getCallChain(top);
  const run: Run = {
    dialect,
    env,
    emitting,
    localRoot: ts.isIdentifier(chain.root),
    evaluate: (call) => evaluateRepositoryChain(dialect, call, env, false),
  };
  let value: Value | null = chain.rootCalled ? { kind: 'unknown', name: '', imported: false } : evaluateRoot(chain.root, env);
  for (const link of chain.links) {
    if (!value) return null;
    value = step(value, link, run);
  }
  if (value?.kind === 'builder') finishBuilder(value, run);
  return value;
}

function step(value: Value, link: ChainLink, run: Run): Value | null {
  switch (value.kind) {
    case 'this':
      return stepThis(value.owner, link, run);
    case 'repository':
      return stepRepository(value, link, run);
    case 'manager':
      return stepManager(value, link, run, true);
    case 'builder':
      return stepBuilder(value, link, run);
    case 'instance':
      return stepInstance(value.entity, link, run);
    case 'unknown':
      return stepUnknown(value.name, link, run);
    default:
      return null;
  }
}

function stepThis(owner: ts.Node, link: ChainLink, run: Run): Value | null {
  const self = run.env.scope.getMember(owner, '#self');
  if (link.args === null) {
    const member = run.env.scope.getMember(owner, link.name) ?? getInheritedRepository(owner, link.name, run);
    if (member) return member;
  }
  return self?.kind === 'repository' ? stepRepository(self, link, run) : null;
}

function stepRepository(value: Extract<Value, { kind: 'repository' }>, link: ChainLink, run: Run): Value | null {
  const { dialect } = run;
  const transactionId = value.transactionId;
  if (link.args === null) {
    return dialect.managerProperties.has(link.name) ? { kind: 'manager', ...(transactionId ? { transactionId } : {}) } : null;
  }
  if (dialect.createBuilder.has(link.name)) {
    return createBuilder(value.entity, getStringValue(link.args[0]), link, transactionId);
  }
  if (dialect.managerFactories.has(link.name)) return { kind: 'manager', ...(transactionId ? { transactionId } : {}) };
  if (link.name === 'extend') {
    const methods = link.args[0];
    if (methods && ts.isObjectLiteralExpression(methods)) run.env.scope.setMember(methods, '#self', value);
    return value;
  }
  const access = classifyMethod(dialect, link.name);
  if (access) {
    const queryId = emitRelations(value.entity, link.args, link, run);
    emit(run, toMethodTarget(value.entity, link.name, run), access, link, { queryId, transactionId });
  }
  return dialect.returnsInstance.has(link.name) ? { kind: 'instance', entity: value.entity } : null;
}

/**
 * A method of our own (`findByEmail`) on a class we only guess is a repository: only a custom
 * repository answers it, not an entity whose domain method happens to be called `updateStatus`.
 */
function toMethodTarget(entity: EntityTarget, method: string, run: Run): EntityTarget {
  if (!entity.speculative || entity.ref.kind !== 'symbol' || isBuiltInMethod(run.dialect, method)) return entity;
  return { ref: { kind: 'symbol', name: toRepositoryMember(entity.ref.name) }, speculative: true };
}

function stepManager(value: { transactionId?: string }, link: ChainLink, run: Run, certain: boolean): Value | null {
  const { dialect } = run;
  const transactionId = value.transactionId;
  const tx = transactionId ? { transactionId } : {};
  const name = link.name;
  if (link.args === null) return dialect.managerProperties.has(name) ? { kind: 'manager', ...tx } : null;
  const args = link.args;
  if (dialect.getRepository.has(name)) {
    const entity = toEntityTarget(args[0], run, certain && name !== 'getCustomRepository');
    return entity ? { kind: 'repository', entity, ...tx } : null;
  }
  if (dialect.managerFactories.has(name)) return { kind: 'manager', ...tx };
  if (dialect.createBuilder.has(name)) {
    const first = args[0] ? skipOuterExpressions(args[0]) : undefined;
    const namesEntity = args.length >= 2 || (first !== undefined && ts.isIdentifier(first) && isClassLikeName(first.text));
    const entity = namesEntity ? toEntityTarget(first, run, certain) : null;
    return createBuilder(entity, getStringValue(args[1]), link, transactionId);
  }
  if (dialect.transactionCallbacks.has(name)) {
    bindTransactionParameter(link, run);
    return null;
  }
  if (dialect.beginTransaction.has(name)) {
    if (run.localRoot) (value as { transactionId?: string }).transactionId = toTransactionId(link.node);
    return null;
  }
  const access = classifyMethod(dialect, name);
  const returnsInstance = dialect.returnsInstance.has(name);
  if ((!access && !returnsInstance) || args.length === 0) return null;
  const entity = toEntityTarget(args[0], run, certain);
  if (!entity) return null;
  if (access) {
    const queryId = emitRelations(entity, args.slice(1), link, run);
    emit(run, entity, access, link, { queryId, transactionId });
  }
  return returnsInstance ? { kind: 'instance', entity } : null;
}

/**
 * An identifier nothing in this file explains. `AppDataSource.getRepository(User)` and
 * `em.find(User)` behave like a manager; `User.find()` (active record) and an imported
 * `userRepository.find()` like a repository of whatever the name stands for: a guess.
 */
function stepUnknown(name: string, link: ChainLink, run: Run): Value | null {
  const { dialect } = run;
  if (link.args === null) return dialect.managerProperties.has(link.name) ? { kind: 'manager' } : null;
  const helper =
    dialect.getRepository.has(link.name) ||
    dialect.managerFactories.has(link.name) ||
    dialect.transactionCallbacks.has(link.name) ||
    (dialect.createBuilder.has(link.name) && link.args.length !== 1);
  // A bare call (`getRepository(User)`) only counts when it is one of the ORM's global helpers.
  if (name === '') return helper ? stepManager({}, link, run, true) : null;
  if (helper) return stepManager({}, link, run, true);
  const first = link.args[0] ? skipOuterExpressions(link.args[0]) : undefined;
  const entityFirst =
    first !== undefined && ts.isIdentifier(first) && isClassLikeName(first.text) && run.env.scope.lookup(first.text, first) === undefined;
  if (entityFirst) return stepManager({}, link, run, false);
  return stepRepository({ kind: 'repository', entity: toSymbolTarget(name, true) }, link, run);
}

/**
 * An instance: `user.save()` (active record) writes its entity's table. `new UserRepository()`
 * is an instance too, of a class that may be a custom repository: its other methods are taken
 * as repository methods, on a guess the link step settles.
 */
function stepInstance(entity: EntityTarget, link: ChainLink, run: Run): Value | null {
  if (link.args === null) return null;
  if (run.dialect.instanceWrites.has(link.name)) emit(run, entity, 'write', link, {});
  else if (run.dialect.instanceReads.has(link.name)) emit(run, entity, 'read', link, {});
  else if (entity.speculative) return stepRepository({ kind: 'repository', entity }, link, run);
  return null;
}

/** Relations loaded by find options (`relations`, `populate`) are reads of one query with the entity's. */
function emitRelations(entity: EntityTarget, args: readonly ts.Expression[], link: ChainLink, run: Run): string | undefined {
  const paths: string[] = [];
  for (const options of args) {
    if (!ts.isObjectLiteralExpression(options)) continue;
    for (const key of run.dialect.relationOptions) paths.push(...getRelationPaths(getObjectProperty(options, key)));
  }
  if (paths.length === 0) return undefined;
  const queryId = toQueryId(link.node);
  if (run.emitting) emitRelationReads(entity, paths, run.env.emitter, getLinkNameNode(link.node), { queryId });
  return queryId;
}

/** `dataSource.transaction(async (manager) => …)`: the parameter is a manager inside that transaction. */
function bindTransactionParameter(link: ChainLink, run: Run): void {
  const callback = [...(link.args ?? [])].reverse().find((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) as
    | ts.ArrowFunction
    | ts.FunctionExpression
    | undefined;
  const parameter = callback?.parameters[0];
  if (!callback || !parameter || !ts.isIdentifier(parameter.name)) return;
  run.env.scope.bind(parameter.name.text, callback, { kind: 'manager', transactionId: toTransactionId(link.node) });
}

/**
 * A member the class does not declare, named like a repository (`this.repository`, `this.repo`,
 * `this.model`), is the repository the constructor passed to `super()`. Other undeclared
 * members (`this.cache.delete(key)`) stay unknown.
 */
function getInheritedRepository(owner: ts.Node, name: string, run: Run): Value | undefined {
  return REPOSITORY_LIKE_NAME.test(name) ? run.env.scope.getMember(owner, INHERITED_REPOSITORY) : undefined;
}

const REPOSITORY_LIKE_NAME = /repo|model|dao/i;
