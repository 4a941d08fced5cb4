/**
 * What one repository-style ORM (TypeORM, MikroORM) calls its things. The evaluator is shared:
 * repositories, entity managers and query builders behave alike in both, only the names differ.
 */
export interface RepositoryDialect {
  via: string;
  /** The `orm` of `{ kind: 'model' }` references, for entities named by string. */
  orm: string;
  /** Types whose first type argument is the entity: `Repository<User>`. */
  repositoryTypes: ReadonlySet<string>;
  managerTypes: ReadonlySet<string>;
  builderTypes: ReadonlySet<string>;
  /** `@InjectRepository(User)`. */
  repositoryDecorators: ReadonlySet<string>;
  /** `@InjectEntityManager()`, `@InjectDataSource()`. */
  managerDecorators: ReadonlySet<string>;
  /** Methods of repositories (on the repository's entity) and managers (entity as first argument). */
  reads: ReadonlySet<string>;
  writes: ReadonlySet<string>;
  /** Methods that return an entity instance: `findOne`, `create`, `save`. */
  returnsInstance: ReadonlySet<string>;
  /** Active-record methods of an instance: `user.save()`. */
  instanceWrites: ReadonlySet<string>;
  instanceReads: ReadonlySet<string>;
  getRepository: ReadonlySet<string>;
  /** `dataSource.manager`, `orm.em`, `repo.manager`. */
  managerProperties: ReadonlySet<string>;
  /** Calls that return another manager: `createQueryRunner()`, `fork()`. */
  managerFactories: ReadonlySet<string>;
  createBuilder: ReadonlySet<string>;
  /** Builder methods that make it a write: `insert()`, `update()`, `delete()`. */
  builderWrites: ReadonlySet<string>;
  /** `leftJoinAndSelect('user.roles', 'role')`. */
  joins: ReadonlySet<string>;
  /** `leftJoinAndMapMany('user.photos', 'user.photos', 'photo')`: the relation is the second argument. */
  mappingJoins: ReadonlySet<string>;
  /** `queryRunner.startTransaction()`, `em.begin()`. */
  beginTransaction: ReadonlySet<string>;
  /** `dataSource.transaction(async (manager) => …)`. */
  transactionCallbacks: ReadonlySet<string>;
  /** Find options that load relations: `relations`, `populate`. */
  relationOptions: ReadonlySet<string>;
  /** MikroORM `qb.leftJoin('author', 'a')` joins a relation of the main entity; TypeORM names an entity or table. */
  bareJoinIsRelation: boolean;
}

/** Custom repository methods named like the built-in ones: `findByEmail`, `countActive`. */
const READ_PREFIX = /^(find|count|exists?)[A-Z0-9_]/;
const WRITE_PREFIX = /^(save|insert|update|upsert|delete|remove|softDelete|softRemove|restore|increment|decrement)[A-Z0-9_]/;

/** Builder and repository methods that matter besides the dialect's own sets. */
const ALWAYS_RELEVANT = ['from', 'into', 'update', 'relation', 'add', 'remove', 'addAndRemove', 'set', 'loadMany', 'loadOne', 'extend', 'subQuery', 'where', 'andWhere', 'orWhere'];
const relevantNames = new WeakMap<RepositoryDialect, ReadonlySet<string>>();

/** Whether a chain link of this name can read, write, or yield something that later does. */
export function isRelevantName(dialect: RepositoryDialect, name: string): boolean {
  let relevant = relevantNames.get(dialect);
  if (!relevant) {
    relevant = new Set([
      ...dialect.reads,
      ...dialect.writes,
      ...dialect.returnsInstance,
      ...dialect.instanceWrites,
      ...dialect.instanceReads,
      ...dialect.getRepository,
      ...dialect.managerFactories,
      ...dialect.createBuilder,
      ...dialect.builderWrites,
      ...dialect.joins,
      ...dialect.beginTransaction,
      ...dialect.transactionCallbacks,
      ...ALWAYS_RELEVANT,
    ]);
    relevantNames.set(dialect, relevant);
  }
  return relevant.has(name) || READ_PREFIX.test(name) || WRITE_PREFIX.test(name);
}

/** The member a custom repository declares for its entity, so that only repositories answer custom methods. */
export function toRepositoryMember(symbol: string): string {
  return `${symbol}.#repository`;
}

export function isBuiltInMethod(dialect: RepositoryDialect, name: string): boolean {
  return dialect.reads.has(name) || dialect.writes.has(name);
}

export function classifyMethod(dialect: RepositoryDialect, name: string): 'read' | 'write' | null {
  if (dialect.reads.has(name)) return 'read';
  if (dialect.writes.has(name)) return 'write';
  if (READ_PREFIX.test(name)) return 'read';
  if (WRITE_PREFIX.test(name)) return 'write';
  return null;
}
