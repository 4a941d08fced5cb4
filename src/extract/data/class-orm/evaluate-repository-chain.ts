import { ts } from 'ts-morph';
import type { DataAccessKind } from '../../../types.js';
import { getObjectProperty, getStringValue } from '../../syntax.js';
import { type ChainLink, getCallChain, skipWrappers } from '../call-chain.js';
import { toTransactionId } from './emitter.js';
import type { OrmEnv } from './orm-env.js';
import { emitRelationReads, getRelationPaths } from './relation-reads.js';
import { toJunctionMember } from './relations.js';
import { classifyMethod, isBuiltInMethod, isRelevantChain, type RepositoryDialect, toRepositoryMember } from './repository-dialect.js';
import { evaluateRoot } from './evaluate-root.js';
import { getLinkNameNode, isClassLikeName } from './syntax.js';
import { type BuilderState, type EntityTarget, toSymbolTarget, type Value } from './values.js';

interface Run {
  dialect: RepositoryDialect;
  env: OrmEnv;
  emitting: boolean;
  /** The chain starts at a local variable (not a member): `queryRunner.startTransaction()` may mark it. */
  localRoot: boolean;
}

/**
 * Evaluates a repository-style chain link by link: `this.repo.find()`, `manager.save(User, …)`,
 * `dataSource.getRepository(User).createQueryBuilder('u').leftJoin('u.roles', 'r').getMany()`.
 * Each link turns the value before it into the next (repository → builder → builder …) and
 * records the accesses it makes.
 */
export function evaluateRepositoryChain(dialect: RepositoryDialect, top: ts.CallExpression, env: OrmEnv, emitting: boolean): Value | null {
  const chain = getCallChain(top);
  if (!isRelevantChain(dialect, chain.links.map((link) => link.name))) return null;
  const run: Run = { dialect, env, emitting, localRoot: ts.isIdentifier(chain.root) };
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
    const member = run.env.scope.getMember(owner, link.name);
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
    const first = args[0] ? skipWrappers(args[0]) : undefined;
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
  const first = link.args[0] ? skipWrappers(link.args[0]) : undefined;
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

function createBuilder(main: EntityTarget | null, alias: string | null, link: ChainLink, transactionId: string | undefined): Value {
  const state: BuilderState = {
    queryId: toQueryId(link.node),
    main,
    aliases: new Map(),
    write: false,
    relation: null,
    emitted: new Set(),
    node: getLinkNameNode(link.node),
  };
  if (main && alias) state.aliases.set(alias, main);
  return { kind: 'builder', state, ...(transactionId ? { transactionId } : {}) };
}

function stepBuilder(value: Extract<Value, { kind: 'builder' }>, link: ChainLink, run: Run): Value {
  const { dialect } = run;
  const state = value.state;
  if (link.args === null) return value;
  const args = link.args;
  const options = { queryId: state.queryId, transactionId: value.transactionId };
  bindCallbackParameters(args, value, run);
  if (dialect.joins.has(link.name)) {
    const mapping = dialect.mappingJoins.has(link.name);
    const target = toJoinTarget(args[mapping ? 1 : 0], state, run, link, options);
    const alias = getStringValue(args[mapping ? 2 : 1]);
    if (target) {
      emit(run, target, 'read', link, options);
      if (alias) state.aliases.set(alias, target);
    }
    return value;
  }
  if (link.name === 'from' || link.name === 'into' || (link.name === 'update' && args.length > 0 && !ts.isObjectLiteralExpression(args[0]!))) {
    if (link.name !== 'from') state.write = true;
    const target = toFromTarget(args[0], run);
    const alias = getStringValue(args[1]);
    if (target) {
      emit(run, target, state.write ? 'write' : 'read', link, options);
      if (alias) state.aliases.set(alias, target);
      if (!state.main) {
        state.main = target;
        state.emitted.add(state.write ? 'write' : 'read');
      }
    }
    return value;
  }
  if (link.name === 'relation') {
    startRelation(state, args, run);
    return value;
  }
  if (state.relation) {
    stepRelation(state.relation, link, run, options);
    return value;
  }
  if (dialect.builderWrites.has(link.name)) state.write = true;
  return value;
}

/** TypeORM's RelationQueryBuilder: `.relation(User, 'roles')` or `.relation('roles')` on a repository's builder. */
function startRelation(state: BuilderState, args: readonly ts.Expression[], run: Run): void {
  const property = getStringValue(args[args.length - 1]);
  const owner = args.length >= 2 ? toEntityTarget(args[0], run, true) : state.main;
  state.main = null;
  if (property === null || !owner || owner.ref.kind !== 'symbol') return;
  state.relation = { owner: owner.ref.name, property, speculative: owner.speculative };
}

/**
 * `.of(user).add(role)` writes the junction of a many-to-many relation (the only table that
 * changes; a guess dropped when the relation has none), `.loadMany()` reads the related table.
 */
function stepRelation(relation: NonNullable<BuilderState['relation']>, link: ChainLink, run: Run, options: { queryId: string; transactionId?: string }): void {
  if (RELATION_WRITES.has(link.name)) {
    const junction = toJunctionMember(relation.owner, relation.property);
    emit(run, { ref: { kind: 'symbol', name: junction }, speculative: true }, 'write', link, options);
  } else if (link.name === 'loadMany' || link.name === 'loadOne') {
    emit(run, { ref: { kind: 'symbol', name: `${relation.owner}.${relation.property}` }, speculative: relation.speculative }, 'read', link, options);
  }
}

const RELATION_WRITES = new Set(['add', 'remove', 'addAndRemove', 'set']);

/** The main entity's access, once the whole chain says whether it reads or writes. */
function finishBuilder(value: Extract<Value, { kind: 'builder' }>, run: Run): void {
  const state = value.state;
  const access: DataAccessKind = state.write ? 'write' : 'read';
  if (!state.main || state.emitted.has(access) || !run.emitting) return;
  state.emitted.add(access);
  run.env.emitter.emit(state.main, access, state.node, {
    queryId: state.queryId,
    ...(value.transactionId ? { transactionId: value.transactionId } : {}),
  });
}

/** `'user.roles'` → the relation `roles` of whatever alias `user` stands for; `Photo` → the entity. */
function toJoinTarget(
  argument: ts.Expression | undefined,
  state: BuilderState,
  run: Run,
  link: ChainLink,
  options: { queryId: string; transactionId?: string },
): EntityTarget | null {
  const path = getStringValue(argument);
  if (path === null) return argument ? toEntityTarget(argument, run, true) : null;
  const dot = path.indexOf('.');
  const owner = dot < 0 ? (run.dialect.bareJoinIsRelation ? state.main : null) : (state.aliases.get(path.slice(0, dot)) ?? null);
  if (dot < 0 && !owner) return run.dialect.bareJoinIsRelation ? null : toNamedTarget(path, run);
  if (owner?.ref.kind !== 'symbol') return null;
  const property = path.slice(dot + 1);
  if (run.emitting) {
    const junction = toJunctionMember(owner.ref.name, property);
    emit(run, { ref: { kind: 'symbol', name: junction }, speculative: true }, 'read', link, options);
  }
  return { ref: { kind: 'symbol', name: `${owner.ref.name}.${property}` }, speculative: owner.speculative };
}

/** `.from(Order, 'o')` names an entity; `.from('orders', 'o')` an entity name, else a table. */
function toFromTarget(argument: ts.Expression | undefined, run: Run): EntityTarget | null {
  const name = getStringValue(argument);
  if (name !== null) return toNamedTarget(name, run);
  if (!argument || ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) return null;
  return toEntityTarget(argument, run, true);
}

/** A string in `from()` or a join: the entity of that name if there is one (as TypeORM looks it up first), else the table. */
function toNamedTarget(name: string, run: Run): EntityTarget {
  return {
    ref: { kind: 'either', refs: [{ kind: 'model', orm: run.dialect.orm, name }, { kind: 'table', name }] },
    speculative: false,
  };
}

/**
 * The entity an argument names: a class (`User`), an entity name (`'User'`), or an instance
 * whose entity is known (`new User()`, a variable bound to `repo.create()` or typed `User`).
 */
export function toEntityTarget(argument: ts.Expression | undefined, run: Run, certain: boolean): EntityTarget | null {
  if (!argument) return null;
  const node = skipWrappers(argument);
  const name = getStringValue(node);
  if (name !== null) return { ref: { kind: 'model', orm: run.dialect.orm, name }, speculative: !certain };
  if (ts.isIdentifier(node)) {
    const bound = run.env.scope.lookup(node.text, node);
    if (bound === null) return null;
    if (bound) return bound.kind === 'instance' || (bound.kind === 'repository' && bound.entity.speculative) ? bound.entity : null;
    return toSymbolTarget(node.text, !certain || !isClassLikeName(node.text));
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) return toSymbolTarget(node.expression.text, true);
  if (ts.isArrayLiteralExpression(node)) return toEntityTarget(node.elements[0], run, certain);
  if (ts.isCallExpression(node)) {
    const value = evaluateRepositoryChain(run.dialect, node, run.env, false);
    return value?.kind === 'instance' ? value.entity : null;
  }
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const value = evaluateRoot(node, run.env);
    return value?.kind === 'instance' ? value.entity : null;
  }
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

/** `.where((qb) => qb.subQuery()…)`, `.from((sub) => …)`: the callback's builder is this query's. */
function bindCallbackParameters(args: readonly ts.Expression[], value: Value, run: Run): void {
  for (const arg of args) {
    if (!ts.isArrowFunction(arg) && !ts.isFunctionExpression(arg)) continue;
    const parameter = arg.parameters[0];
    if (parameter && ts.isIdentifier(parameter.name)) run.env.scope.bind(parameter.name.text, arg, value);
  }
}

function emit(
  run: Run,
  entity: EntityTarget,
  access: DataAccessKind,
  link: ChainLink,
  options: { queryId?: string; transactionId?: string | undefined },
): void {
  if (!run.emitting) return;
  run.env.emitter.emit(entity, access, getLinkNameNode(link.node), {
    ...(options.queryId ? { queryId: options.queryId } : {}),
    ...(options.transactionId ? { transactionId: options.transactionId } : {}),
  });
}

function toQueryId(node: ts.Node): string {
  return `q${node.pos}`;
}
