import type { DataAccessKind, DependencyKind, Diagnostic } from '../types.js';

/** What a file imports from one specifier, before barrels are looked through. */
export interface RawDependency {
  specifier: string;
  kind: DependencyKind;
  line: number;
  /** Names imported (`default` for a default import); null when the whole module is used. */
  names: string[] | null;
  /** Filled by the walk: the target's root-relative path, or why there is none. */
  target: DependencyTarget;
  /**
   * Members of this import's bindings that the file uses, each attributed on its own to the file
   * that declares it (`services.users`, `sdk.tables.getTable`). Absent when there are none.
   */
  members?: MemberUse[];
}

/**
 * A member read from an imported binding: `services.users.create()` with `import * as services`
 * is `*` then ['users', 'create']; `sdk.tables.getTable()` with `import sdk` is `default` then
 * ['tables', 'getTable']. An empty path is a type-only use of the binding itself (`typeof ns`).
 */
export interface MemberUse {
  /** The name the binding takes: `*` for a namespace import or `require`, `default`, or a named export. */
  name: string;
  /** Property names read after it, at most two. */
  path: string[];
  /** Read in a type position only (`let x: ns.Foo`). */
  typeOnly: boolean;
}

export type DependencyTarget =
  | { kind: 'file'; path: string }
  | { kind: 'outside'; path: string; workspacePackage: string | null }
  | { kind: 'external'; packageName: string }
  | { kind: 'unresolved' };

/** A local name bound by an import: `import { a as b } from './x'` binds b → (./x, a). */
export interface ImportBinding {
  local: string;
  /** The exported name, `default`, or `*` for a namespace import or `require`. */
  imported: string;
  specifier: string;
  typeOnly: boolean;
}

/**
 * An export that is an object literal of imported bindings, an "object barrel":
 * `const sdk = { tables, views }; export default sdk`, `export const services = { users }`,
 * CommonJS `module.exports = { Post: require('./post') }` and `module.exports.users = users`.
 */
export interface ObjectExport {
  /** `default`, a named export, or `*` for CommonJS `module.exports` and `export =`. */
  exported: string;
  /** In source order; only properties whose value is an import, a `require()` or a spread of one. */
  members: ObjectMember[];
}

/** `{ tables }` with `import tables from './tables'` → key `tables`, `./tables`, `default`. */
export interface ObjectMember {
  /** The property name; null for a spread (`...getters`), which lends the object all its members. */
  key: string | null;
  specifier: string;
  /** The name the value takes from that module: `default`, a named export, or `*` for the module itself. */
  imported: string;
}

export interface ReExport {
  exported: string;
  /** The name in the source module, or `*` for `export * as ns from`. */
  imported: string;
  specifier: string;
}

/**
 * A reference to a table as the code names it. Literal names are final; symbols (entity
 * classes, Drizzle table objects, Mongoose models) and ORM model names are resolved once every
 * file's declarations are known. A symbol name may be a member path, `User.roles`: the alias
 * `roles` declared on whatever `User` resolves to (an entity's relation to another entity).
 */
export type TableRef =
  /** `collection`: a MongoDB collection named at its use, where no schema declares it. */
  | { kind: 'table'; name: string; collection?: true }
  | { kind: 'symbol'; name: string }
  | { kind: 'model'; orm: string; name: string }
  | { kind: 'unresolved'; text: string }
  /** The first of several guesses that resolves: a model by its class, else by its registered name. */
  | { kind: 'either'; refs: TableRef[] }
  /** A name made of literal parts and other tables' names: TypeORM's default junction table. */
  | { kind: 'composite'; parts: (string | TableRef)[] }
  /** The model a field of `owner`'s schema refers to: Mongoose's `populate('author')`. */
  | { kind: 'field'; orm: string; owner: TableRef; field: string };

export interface RawDataAccess {
  ref: TableRef;
  access: DataAccessKind;
  /** The library or query style: typeorm, prisma, sequelize, knex, kysely, drizzle, mongoose, mikro-orm, sql. */
  via: string;
  line: number;
  /**
   * A symbol reference that may not be an entity at all (a property typed with some class):
   * dropped quietly when it does not resolve to a table, instead of reported as unresolved.
   */
  speculative?: boolean;
  /** Accesses of one query (joins) share a query id; accesses of one transaction a transaction id. */
  queryId?: string;
  transactionId?: string;
}

export interface SqlUse {
  /** The local name or `name.member` the query passes (`pool.query(GET_INVOICE)`, `db.query(queries.byEmail)`). */
  symbol: string;
  line: number;
  queryId: string;
  transactionId?: string;
}

/** A class or value that stands for a table: an entity, a model, a table object. */
export interface EntityDeclaration {
  symbol: string;
  table: string;
  kind: 'table' | 'collection';
  via: string;
  line: number;
  /** Model name as other code refers to it (Mongoose `model('User')`, Sequelize modelName). */
  modelName?: string;
  /** The models its fields refer to, by field (`author: { type: ObjectId, ref: 'User' }` → author: User). */
  fieldRefs?: Record<string, string>;
  /**
   * Present when the code gives no table name and `table` follows the ORM's naming rule: the
   * link step may correct it by project-wide options and by the schema (correct-derived-table-names.ts).
   */
  derivedFrom?: DerivedTableName;
}

export interface DerivedTableName {
  /** The class or model name the rule was applied to. */
  name: string;
  /** Sequelize's naming options as the model itself sets them; unset ones come from the project's `define`. */
  sequelize?: SequelizeNaming;
}

/** The options of Sequelize's table naming rule (to-table-name.ts); absent means not set. */
export interface SequelizeNaming {
  freezeTableName?: boolean;
  underscored?: boolean;
}

/** `symbol` stands for whatever `target` names: a custom repository class for its entity. */
export interface SymbolAlias {
  symbol: string;
  target: TableRef;
}

export interface DiToken {
  /** `str:NAME` for string tokens, `sym:NAME` for a local identifier resolved at link time. */
  token: string;
  line: number;
  /** For `useClass`/`useExisting` providers: the local name of the class that implements the token. */
  implementation?: string;
}

export type StateFactKind =
  | 'mutable-export'
  | 'event-publish'
  | 'event-subscribe'
  | 'queue-produce'
  | 'queue-consume'
  | 'timer'
  | 'cron';

export interface RawStateFact {
  kind: StateFactKind;
  /** The exported binding, event topic, queue name or job name. */
  name: string;
  /** The name is a constant imported from another module (`Events.ORDER_PLACED`), its value settled at link time. */
  reference?: true;
  /**
   * The emitter an event goes through when it is one the code makes itself (`const orderEvents =
   * new EventEmitter()`): `file#name` of that declaration, or, imported, the local name to resolve.
   */
  channel?: string;
  channelImported?: true;
  line: number;
  detail?: string;
}

export interface FileFacts {
  path: string;
  lines: number;
  diagnostics: Diagnostic[];
  dependencies: RawDependency[];
  bindings: ImportBinding[];
  /** Names this file declares and exports itself (`default` included). */
  localExports: string[];
  reExports: ReExport[];
  starExports: string[];
  objectExports: ObjectExport[];
  /**
   * The file requires every file of its own folder by computed name (`fs.readdirSync(__dirname)`
   * then `require(path.join(__dirname, file))`): sequelize-cli's `models/index.js` and its like.
   * The line of the computed `require`.
   */
  loadsOwnFolder?: number;
  entities: EntityDeclaration[];
  /**
   * Tables a migration creates and drops (a rename is both), in the order the code does them;
   * replayed at link time, so that a table dropped later is not declared. Creates are also entities.
   */
  schemaChanges: { table: string; via: string; created: boolean; line: number }[];
  /** Sequelize naming options that `new Sequelize(…, { define })` sets for every model of the project. */
  sequelizeDefines?: { naming: SequelizeNaming; line: number }[];
  accesses: RawDataAccess[];
  /** Module-level constants holding SQL text (`GET_INVOICE`, `queries.byEmail`), for files that import them. */
  sqlTexts?: { symbol: string; text: string }[];
  /** Queries whose SQL is a constant imported from another module: read at link time, where its text is known. */
  sqlUses?: SqlUse[];
  aliases: SymbolAlias[];
  diProvides: DiToken[];
  diInjects: DiToken[];
  state: RawStateFact[];
  /**
   * Exported module-level objects, arrays and instances this file does not change itself
   * (`export const settings = { taxRate: 0.2 }`): state only if an importer changes them.
   * `[name, line, what]`.
   */
  stateCandidates?: [string, number, string][];
  /** Imported bindings this file changes in place (`settings.taxRate = rate`): `[local name, line]`. */
  foreignMutations?: [string, number][];
  /**
   * Module-level emitters the file makes (`const orderEvents = new EventEmitter()`): each name
   * it is known by (its own, `default` or `*` when exported so) with the local name.
   */
  emitters?: [string, string][];
  /** Module-level string constants (`ORDER_PLACED`, `Events.PLACED`, enum members) with their values, for files that import them. */
  stringConstants?: [string, string][];
  /** Why the file is left out of the analysis (generated or minified code), or absent. */
  leftOut?: string;
}

export function createFileFacts(path: string): FileFacts {
  return {
    path,
    lines: 0,
    diagnostics: [],
    dependencies: [],
    bindings: [],
    localExports: [],
    reExports: [],
    starExports: [],
    objectExports: [],
    entities: [],
    schemaChanges: [],
    accesses: [],
    aliases: [],
    diProvides: [],
    diInjects: [],
    state: [],
  };
}
