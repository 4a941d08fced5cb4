/** Static model methods (`User.findAll()`), by what they do to the model's table. */
export const MODEL_READS: ReadonlySet<string> = new Set([
  'findAll',
  'findOne',
  'findByPk',
  'findAndCountAll',
  'findOrBuild',
  'count',
  'max',
  'min',
  'sum',
  'aggregate',
]);
export const MODEL_WRITES: ReadonlySet<string> = new Set([
  'create',
  'bulkCreate',
  'update',
  'destroy',
  'upsert',
  'increment',
  'decrement',
  'restore',
  'truncate',
]);
/** Both: they look for the row first and insert it when it is missing. */
export const MODEL_READ_WRITES: ReadonlySet<string> = new Set(['findOrCreate', 'findCreateFind']);
/** Calls that return an instance whose later `save()`/`destroy()` writes the model's table. */
export const RETURNS_INSTANCE: ReadonlySet<string> = new Set(['findOne', 'findByPk', 'create', 'build', 'findOrBuild']);
/** Calls that return the model again: `User.scope('active').findAll()`. */
export const RETURNS_MODEL: ReadonlySet<string> = new Set(['scope', 'unscoped', 'schema']);

export const INSTANCE_WRITES: ReadonlySet<string> = new Set(['save', 'destroy', 'update', 'increment', 'decrement', 'restore']);
export const INSTANCE_READS: ReadonlySet<string> = new Set(['reload']);

/** Every name a Sequelize chain must contain to be worth evaluating. */
export const RELEVANT: ReadonlySet<string> = new Set([
  ...MODEL_READS,
  ...MODEL_WRITES,
  ...MODEL_READ_WRITES,
  ...RETURNS_INSTANCE,
  ...INSTANCE_WRITES,
  ...INSTANCE_READS,
  'transaction',
  'getRepository',
]);
