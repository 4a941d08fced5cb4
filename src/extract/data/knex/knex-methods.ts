// Knex's query builder: https://knexjs.org/guide/query-builder.html
export const TABLE_METHODS = new Set(['from', 'table', 'into']);
export const JOIN_METHODS = new Set([
  'join',
  'innerJoin',
  'leftJoin',
  'leftOuterJoin',
  'rightJoin',
  'rightOuterJoin',
  'fullOuterJoin',
  'outerJoin',
  'crossJoin',
]);
export const WRITE_METHODS = new Set(['insert', 'update', 'del', 'delete', 'increment', 'decrement', 'truncate', 'upsert']);
export const CREATE_TABLE_METHODS = new Set(['createTable', 'createTableIfNotExists', 'createTableLike']);
export const DROP_TABLE_METHODS = new Set(['dropTable', 'dropTableIfExists']);
export const CTE_METHODS = new Set(['with', 'withRecursive', 'withMaterialized', 'withNotMaterialized']);

/** Methods that show a call such as `db('users')` starts a Knex query and is not some other function. */
export const BUILDER_METHODS = new Set([
  ...TABLE_METHODS,
  ...JOIN_METHODS,
  ...WRITE_METHODS,
  'select',
  'first',
  'where',
  'andWhere',
  'orWhere',
  'whereNot',
  'whereIn',
  'whereNotIn',
  'whereNull',
  'whereNotNull',
  'whereExists',
  'whereBetween',
  'whereLike',
  'whereILike',
  'whereRaw',
  'orderBy',
  'groupBy',
  'having',
  'limit',
  'offset',
  'returning',
  'count',
  'countDistinct',
  'sum',
  'min',
  'max',
  'avg',
  'pluck',
  'column',
  'columns',
  'distinct',
  'onConflict',
  'forUpdate',
  'forShare',
  'modify',
  'transacting',
  'timeout',
]);

/** Names a Knex instance (or transaction) usually has; identifiers bound to `knex(...)` count too. */
export const INSTANCE_NAME = /^(?:knex\w*|\w*Knex|db|database|trx|tx|transaction|connection|conn|pg|mysql|sqlite)$/i;
