// Objection's query builder: https://vincit.github.io/objection.js/api/query-builder/
/** Builder methods that make the query a write of the queried table. Any other method reads it. */
export const WRITES: ReadonlySet<string> = new Set([
  'insert',
  'insertAndFetch',
  'insertGraph',
  'insertGraphAndFetch',
  'upsertGraph',
  'upsertGraphAndFetch',
  'patch',
  'patchAndFetch',
  'patchAndFetchById',
  'update',
  'updateAndFetch',
  'updateAndFetchById',
  'delete',
  'deleteById',
  'del',
  'increment',
  'decrement',
  'truncate',
]);
/** Writes that read the table too: the `*AndFetch` ones select the rows afterwards, upsertGraph fetches the graph first. */
export const WRITE_THEN_READ: ReadonlySet<string> = new Set([
  'insertAndFetch',
  'insertGraphAndFetch',
  'upsertGraph',
  'upsertGraphAndFetch',
  'patchAndFetch',
  'patchAndFetchById',
  'updateAndFetch',
  'updateAndFetchById',
]);
/** Inserts: on a many-to-many relation they add the junction row too. */
export const INSERTS: ReadonlySet<string> = new Set(['insert', 'insertAndFetch', 'insertGraph', 'insertGraphAndFetch']);
/** Writes whose argument is a graph: `{ name, pets: [{ … }] }` also writes the relations it names. */
export const GRAPH_WRITES: ReadonlySet<string> = new Set(['insertGraph', 'insertGraphAndFetch', 'upsertGraph', 'upsertGraphAndFetch']);
/** `relate(id)`, `unrelate()`: write the foreign key or the junction row of a relation, never the related rows. */
export const RELATES: ReadonlySet<string> = new Set(['relate', 'unrelate']);

/** Methods that load relations in separate queries: their argument is a relation expression. */
export const GRAPH_FETCHES: ReadonlySet<string> = new Set(['withGraphFetched', 'eager']);
/** Methods that join relations into this query (one query id): their argument is a relation expression. */
export const RELATION_JOINS: ReadonlySet<string> = new Set([
  'withGraphJoined',
  'joinEager',
  'joinRelated',
  'innerJoinRelated',
  'outerJoinRelated',
  'leftJoinRelated',
  'leftOuterJoinRelated',
  'rightJoinRelated',
  'rightOuterJoinRelated',
  'fullOuterJoinRelated',
  'joinRelation',
  'innerJoinRelation',
  'leftJoinRelation',
  'leftOuterJoinRelation',
]);

/** Builder methods after which the query yields one model instance (or undefined). */
export const RETURNS_ONE: ReadonlySet<string> = new Set(['findById', 'findOne', 'first']);
/** Writes that yield the instance they wrote when given one object (not an array). */
export const RETURNS_WRITTEN: ReadonlySet<string> = new Set([
  'insert',
  'insertAndFetch',
  'insertGraph',
  'insertGraphAndFetch',
  'upsertGraphAndFetch',
  'patchAndFetchById',
  'updateAndFetchById',
]);

/** Static model methods that return the model class again: `Person.bindKnex(knex).query()`. */
export const RETURNS_MODEL: ReadonlySet<string> = new Set(['bindKnex', 'bindTransaction']);
/** Static and instance methods that load relations of given instances: `Person.fetchGraph(people, 'pets')`. */
export const STATIC_GRAPH_LOADS: ReadonlySet<string> = new Set(['fetchGraph', 'loadRelated']);
export const INSTANCE_GRAPH_LOADS: ReadonlySet<string> = new Set(['$fetchGraph', '$loadRelated']);
/** Calls that open a transaction: with a callback (managed) or returning it (`startTransaction`). */
export const TRANSACTIONS: ReadonlySet<string> = new Set(['transaction', 'startTransaction']);

/** Every name an Objection chain must contain to be worth evaluating (besides builders kept in variables). */
export const RELEVANT: ReadonlySet<string> = new Set([
  'query',
  '$query',
  'relatedQuery',
  '$relatedQuery',
  'fromJson',
  ...RETURNS_MODEL,
  ...STATIC_GRAPH_LOADS,
  ...INSTANCE_GRAPH_LOADS,
  ...TRANSACTIONS,
]);
