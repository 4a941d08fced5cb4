import ts from '../../../util/typescript.cjs';
import type { DataAccessKind } from '../../../types.js';
import { getStringValue } from '../../syntax.js';
import type { ChainLink } from '../call-chain.js';
import { toJunctionMember } from './relations.js';
import { toQueryId } from '../find-transaction-id.js';
import { emit, type Run } from './repository-run.js';
import { getLinkNameNode } from './syntax.js';
import { toEntityTarget, toNamedTarget } from './to-entity-target.js';
import type { BuilderState, EntityTarget, Value } from './values.js';

/**
 * A query builder: its main entity (from the repository that made it, or `from()`/`into()`/
 * `update(E)`), the aliases its joins introduce (`'u.roles'` resolves through alias `u`), and
 * whether it reads or writes. All its accesses share one query id.
 */
export function createBuilder(main: EntityTarget | null, alias: string | null, link: ChainLink, transactionId: string | undefined): Value {
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

export function stepBuilder(value: Extract<Value, { kind: 'builder' }>, link: ChainLink, run: Run): Value {
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
      } else if (link.name !== 'from') {
        // `repo.createQueryBuilder().insert().into(Other)` writes Other; the repository's own
        // entity is only the builder's starting point.
        state.emitted.add('write');
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
export function finishBuilder(value: Extract<Value, { kind: 'builder' }>, run: Run): void {
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

/** `.where((qb) => qb.subQuery()…)`, `.from((sub) => …)`: the callback's builder is this query's. */
function bindCallbackParameters(args: readonly ts.Expression[], value: Value, run: Run): void {
  for (const arg of args) {
    if (!ts.isArrowFunction(arg) && !ts.isFunctionExpression(arg)) continue;
    const parameter = arg.parameters[0];
    if (parameter && ts.isIdentifier(parameter.name)) run.env.scope.bind(parameter.name.text, arg, value);
  }
}

