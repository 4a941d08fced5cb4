import ts from '../../../util/typescript.cjs';
import type { DataAccessKind } from '../../../types.js';
import { getStringValue, skipOuterExpressions } from '../../syntax.js';
import { type ChainLink, getCallChain } from '../call-chain.js';
import { hasLinkNamed } from '../class-orm/chain-filter.js';
import { evaluateRoot } from '../class-orm/evaluate-root.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import { emitRelationReads } from '../class-orm/relation-reads.js';
import { toJunctionMember } from '../class-orm/relations.js';
import { getLinkNameNode, isClassLikeName } from '../class-orm/syntax.js';
import { type EntityTarget, toSymbolTarget, type Value } from '../class-orm/values.js';
import { toQueryId, toTransactionId } from '../find-transaction-id.js';
import { JOIN_METHODS } from '../knex/knex-methods.js';
import { toTableName } from '../knex/to-table-name.js';
import { toRelateMember } from './declare-models.js';
import {
  GRAPH_FETCHES,
  GRAPH_WRITES,
  INSERTS,
  INSTANCE_GRAPH_LOADS,
  RELATES,
  RELATION_JOINS,
  RELEVANT,
  RETURNS_MODEL,
  RETURNS_ONE,
  RETURNS_WRITTEN,
  STATIC_GRAPH_LOADS,
  TRANSACTIONS,
  WRITE_THEN_READ,
  WRITES,
} from './methods.js';
import { getExpressionPaths, getGraphPaths } from './get-relation-paths.js';

interface Run {
  env: OrmEnv;
  emitting: boolean;
}

/** A relation of a model, as `relatedQuery('pets')` and `$relatedQuery('pets')` query it. */
interface RelationRef {
  owner: string;
  property: string;
  speculative: boolean;
}

/** One query in the making: `Person.query()`, `person.$query()`, `Person.relatedQuery('pets')`. */
interface Query {
  kind: 'query';
  /** The queried model, or for a relation query the relation's member (`Person.pets`). */
  entity: EntityTarget;
  relation: RelationRef | null;
  /** Where the query was made: its read of the queried table is reported there. */
  node: ts.Node;
  queryId: string;
  transactionId: string | undefined;
  write: boolean;
  /** A write that reads the table too: `insertAndFetch`, `upsertGraph`. */
  fetches: boolean;
  /** Other tables are joined into this query: their reads and the main one share the query id. */
  joined: boolean;
  /** The query yields one model instance: `findById`, `first`, `insert({ … })`. */
  one: boolean;
  /** Accesses of the queried table already recorded (a builder kept in a variable). */
  emitted: Set<DataAccessKind>;
}

/**
 * Evaluates an Objection chain: `Person.query()…`, `Person.relatedQuery('pets')…`,
 * `person.$query()…`, `person.$relatedQuery('pets')…`, `this.query()` in a model's static
 * method, transactions (`Person.transaction(async (trx) => …)`, `startTransaction()`,
 * `knex.transaction()`). A query writes the queried table when it has a write method and reads
 * it otherwise; relation expressions (`withGraphFetched('[pets, children.[pets]]')`) and
 * `joinRelated` read the related models' tables. `builders` holds the names of this file's
 * variables that keep a query for later (`const query = Person.query(); query.where(…)`).
 */
export function evaluateObjectionChain(top: ts.CallExpression, env: OrmEnv, emitting: boolean, builders: Set<string>): Value | null {
  if (!hasLinkNamed(top, (name) => RELEVANT.has(name) || builders.has(name))) return null;
  const chain = getCallChain(top);
  if (chain.rootCalled) return null;
  const run: Run = { env, emitting };
  let value: Value | Query | null = evaluateRoot(chain.root, env);
  if (value?.kind === 'builder') value = toQuery(value);
  for (const link of chain.links) {
    if (!value) return null;
    if (value.kind === 'query') stepQuery(value, link, run);
    else value = step(value, link, run);
  }
  return value?.kind === 'query' ? finishQuery(value, top, run, builders) : value;
}

function step(value: Value, link: ChainLink, run: Run): Value | Query | null {
  switch (value.kind) {
    case 'unknown':
      return stepUnknown(value, link, run);
    case 'manager':
      return TRANSACTIONS.has(link.name) ? stepTransaction(link, run) : null;
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
 * An identifier nothing in the file explains: a model class, imported or declared here
 * (`Person.query()`), a registry of models (`models.Person`), or a Knex instance or Objection's
 * own `Model` opening a transaction (`knex.transaction(…)`, `Model.transaction(…)`).
 */
function stepUnknown(value: Extract<Value, { kind: 'unknown' }>, link: ChainLink, run: Run): Value | Query | null {
  if (TRANSACTIONS.has(link.name)) return stepTransaction(link, run);
  if (isObjectionImport(value.name, run)) return null;
  if (link.args === null) {
    return isClassLikeName(link.name) ? { kind: 'model', entity: { ref: { kind: 'model', orm: 'objection', name: link.name }, speculative: true } } : null;
  }
  return isClassLikeName(value.name) ? stepModel(toSymbolTarget(value.name, !value.imported), link, run) : null;
}

/** Static methods of a model class. */
function stepModel(entity: EntityTarget, link: ChainLink, run: Run): Value | Query | null {
  const args = link.args;
  if (args === null) return null;
  const name = link.name;
  if (name === 'query') {
    // `SomeClass.query('SELECT …')` is raw SQL on something else; Objection's takes a transaction.
    return getStringValue(args[0]) === null ? createQuery(entity, null, link, toTransactionOf(args[0], run)) : null;
  }
  if (name === 'relatedQuery') return createRelationQuery(entity, args, link, run);
  if (RETURNS_MODEL.has(name)) return { kind: 'model', entity };
  if (name === 'fromJson' || name === 'fromDatabaseJson') return { kind: 'instance', entity };
  if (STATIC_GRAPH_LOADS.has(name)) readRelations(entity, getExpressionPaths(args[1]), link, {}, run);
  else if (TRANSACTIONS.has(name)) return stepTransaction(link, run);
  else if (name === 'knex') return { kind: 'manager' };
  return null;
}

/** Instance methods of a model: `person.$query()`, `person.$relatedQuery('pets')`, `person.$fetchGraph('pets')`. */
function stepInstance(entity: EntityTarget, link: ChainLink, run: Run): Value | Query | null {
  const args = link.args;
  if (args === null) return null;
  if (link.name === '$query') return createQuery(entity, null, link, toTransactionOf(args[0], run));
  if (link.name === '$relatedQuery') return createRelationQuery(entity, args, link, run);
  if (INSTANCE_GRAPH_LOADS.has(link.name)) readRelations(entity, getExpressionPaths(args[0]), link, {}, run);
  return null;
}

/**
 * `this.query()` in a static method and `this.$query()` in an instance method of a model,
 * `this.constructor` (the model class, in an instance method), `this.model` (a member holding a model).
 */
function stepThis(owner: ts.Node, link: ChainLink, run: Run): Value | Query | null {
  const model = run.env.scope.getMember(owner, '#model');
  if (link.args === null) return link.name === 'constructor' && model ? model : (run.env.scope.getMember(owner, link.name) ?? null);
  if (model?.kind !== 'model') return null;
  return link.name.startsWith('$') ? stepInstance(model.entity, link, run) : stepModel(model.entity, link, run);
}

/**
 * `Person.transaction(async (trx) => …)`, `knex.transaction(async (trx) => …)`: the callback's
 * parameter is the transaction; `await Person.startTransaction()` and `await knex.transaction()`
 * return it. The legacy `transaction(Person, Animal, async (Person, Animal) => …)` binds models, not a transaction.
 */
function stepTransaction(link: ChainLink, run: Run): Value | null {
  if (link.args === null) return null;
  const id = toTransactionId(link.node);
  const callback = link.args.find((arg): arg is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
  if (!callback) return { kind: 'transaction', id };
  const parameter = callback.parameters[0];
  const bindsModels = link.args.some((arg) => ts.isIdentifier(arg) && isClassLikeName(arg.text));
  if (parameter && ts.isIdentifier(parameter.name) && !bindsModels) run.env.scope.bind(parameter.name.text, callback, { kind: 'transaction', id });
  return null;
}

function createQuery(entity: EntityTarget, relation: RelationRef | null, link: ChainLink, transactionId: string | undefined): Query {
  return {
    kind: 'query',
    entity,
    relation,
    node: getLinkNameNode(link.node),
    queryId: toQueryId(link.node),
    transactionId,
    write: false,
    fetches: false,
    joined: false,
    one: false,
    emitted: new Set(),
  };
}

/** `relatedQuery('pets', trx)` of a model or an instance: a query of the relation's member, `Person.pets`. */
function createRelationQuery(owner: EntityTarget, args: readonly ts.Expression[], link: ChainLink, run: Run): Query | null {
  const property = getStringValue(args[0]);
  if (property === null || owner.ref.kind !== 'symbol') return null;
  const relation = { owner: owner.ref.name, property, speculative: owner.speculative };
  const entity = toSymbolTarget(`${relation.owner}.${property}`, owner.speculative);
  return createQuery(entity, relation, link, toTransactionOf(args[1], run));
}

/** A query kept in a variable, resumed where the variable is used. */
function toQuery(value: Extract<Value, { kind: 'builder' }>): Query | null {
  const { state } = value;
  if (!state.main) return null;
  return {
    kind: 'query',
    entity: state.main,
    relation: state.relation,
    node: state.node,
    queryId: state.queryId,
    transactionId: value.transactionId,
    write: state.write,
    fetches: false,
    joined: false,
    one: false,
    emitted: state.emitted,
  };
}

function stepQuery(query: Query, link: ChainLink, run: Run): void {
  const args = link.args;
  if (args === null) return;
  const name = link.name;
  if (WRITES.has(name)) stepWrite(query, link, run);
  else if (RELATES.has(name) && query.relation) {
    query.write = true;
    const { owner, property, speculative } = query.relation;
    emit(run, toSymbolTarget(toRelateMember(owner, property), speculative), 'write', link, query.transactionId);
  } else if (RETURNS_ONE.has(name)) query.one = true;
  else if (GRAPH_FETCHES.has(name)) readRelations(query.entity, getExpressionPaths(args[0]), link, { transactionId: query.transactionId }, run);
  else if (RELATION_JOINS.has(name)) {
    query.joined = true;
    readRelations(query.entity, getExpressionPaths(args[0]), link, { queryId: query.queryId, transactionId: query.transactionId }, run);
  } else if (JOIN_METHODS.has(name)) {
    const table = toTableName(args[0]);
    if (table === null) return;
    query.joined = true;
    emit(run, { ref: { kind: 'table', name: table }, speculative: false }, 'read', link, query.transactionId, query.queryId);
  } else if (name === 'transacting') query.transactionId = toTransactionOf(args[0], run) ?? query.transactionId;
}

/**
 * A write of the queried table. Through a many-to-many relation an insert also adds the junction
 * row, and a patch or delete finds its rows through the junction. A graph write also writes the
 * relations its object names (`{ name, pets: [{ … }] }`: each key is a guess the link step keeps
 * only when the model has a relation of that name).
 */
function stepWrite(query: Query, link: ChainLink, run: Run): void {
  const name = link.name;
  const args = link.args ?? [];
  query.write = true;
  query.fetches ||= WRITE_THEN_READ.has(name);
  if (RETURNS_WRITTEN.has(name) && args[0] && !ts.isArrayLiteralExpression(skipOuterExpressions(args[0]))) query.one = true;
  emit(run, query.entity, 'write', link, query.transactionId);
  if (query.relation) {
    const junction = toSymbolTarget(toJunctionMember(query.relation.owner, query.relation.property), true);
    emit(run, junction, INSERTS.has(name) ? 'write' : 'read', link, query.transactionId);
  }
  if (!GRAPH_WRITES.has(name) || query.entity.ref.kind !== 'symbol') return;
  const owner = query.entity.ref.name;
  for (const path of getGraphPaths(args[0])) {
    const dot = path.lastIndexOf('.');
    const parent = dot < 0 ? owner : `${owner}.${path.slice(0, dot)}`;
    const property = path.slice(dot + 1);
    emit(run, toSymbolTarget(`${parent}.${property}`, true), 'write', link, query.transactionId);
    emit(run, toSymbolTarget(toJunctionMember(parent, property), true), 'write', link, query.transactionId);
  }
}

/**
 * The end of a chain. A query without a write reads the queried table (and through a
 * many-to-many relation its junction, in the same query), unless it is only stored in a
 * variable to be finished later: then the variable stands for the query.
 */
function finishQuery(query: Query, top: ts.CallExpression, run: Run, builders: Set<string>): Value | null {
  const stored = !query.write && !query.one ? getStoringVariable(top) : null;
  if (stored) {
    builders.add(stored);
    const state = {
      queryId: query.queryId,
      main: query.entity,
      aliases: new Map<string, EntityTarget>(),
      write: false,
      relation: query.relation,
      emitted: query.emitted,
      node: query.node,
    };
    return { kind: 'builder', state, ...(query.transactionId ? { transactionId: query.transactionId } : {}) };
  }
  if ((!query.write || query.fetches) && !query.emitted.has('read')) {
    const junction = query.relation ? toSymbolTarget(toJunctionMember(query.relation.owner, query.relation.property), true) : null;
    const queryId = query.joined || junction ? query.queryId : undefined;
    emitAt(run, query.entity, 'read', query.node, { queryId, transactionId: query.transactionId });
    if (junction) emitAt(run, junction, 'read', query.node, { queryId, transactionId: query.transactionId });
    query.emitted.add('read');
  }
  return query.one ? { kind: 'instance', entity: query.entity } : null;
}

/** `const query = Person.query()…` (not awaited): the name of the variable that keeps the query. */
function getStoringVariable(top: ts.CallExpression): string | null {
  let node: ts.Node = top;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent))) {
    node = node.parent;
  }
  const parent = node.parent;
  return parent && ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name) ? parent.name.text : null;
}

/** Reads of the related models' tables (and junctions) that relation paths of `owner` name. */
function readRelations(owner: EntityTarget, paths: string[], link: ChainLink, options: { queryId?: string; transactionId?: string | undefined }, run: Run): void {
  if (!run.emitting) return;
  emitRelationReads(owner, paths, run.env.emitter, getLinkNameNode(link.node), {
    ...(options.queryId ? { queryId: options.queryId } : {}),
    ...(options.transactionId ? { transactionId: options.transactionId } : {}),
  });
}

/** `Person.query(trx)` with `trx` from a transaction callback or `startTransaction()`. */
function toTransactionOf(argument: ts.Expression | undefined, run: Run): string | undefined {
  if (!argument) return undefined;
  const value = evaluateRoot(argument, run.env);
  return value?.kind === 'transaction' ? value.id : undefined;
}

function isObjectionImport(name: string, run: Run): boolean {
  return run.env.context.facts.bindings.some((binding) => binding.local === name && binding.specifier === 'objection');
}

function emit(run: Run, entity: EntityTarget, access: DataAccessKind, link: ChainLink, transactionId: string | undefined, queryId?: string): void {
  emitAt(run, entity, access, getLinkNameNode(link.node), { queryId, transactionId });
}

function emitAt(run: Run, entity: EntityTarget, access: DataAccessKind, node: ts.Node, options: { queryId: string | undefined; transactionId: string | undefined }): void {
  if (!run.emitting) return;
  run.env.emitter.emit(entity, access, node, {
    ...(options.queryId ? { queryId: options.queryId } : {}),
    ...(options.transactionId ? { transactionId: options.transactionId } : {}),
  });
}
