import type { Diagnostic, Location } from '../../types.js';
import { compareStrings } from '../../util/sort.js';
import type { DeclaredModel } from '../data/adapter.js';
import { replayFileSchemaChanges } from '../data/replay-schema-changes.js';
import type { DataAccessFact, TableFact } from '../facts.js';
import type { EntityDeclaration, FileFacts, RawDataAccess, TableRef } from '../file-facts.js';
import { getSqlTableAccesses } from '../data/sql/get-sql-table-accesses.js';
import type { ExportIndex } from './create-export-index.js';
import { toDeclarationKey } from './declaration-keys.js';
import { isSystemTable } from './is-system-table.js';
import { withoutDefaultSchema } from './without-default-schema.js';

interface ResolvedTable {
  table: string;
  kind: 'table' | 'collection';
}

const MAX_ALIAS_DEPTH = 8;

/**
 * Resolves every data access to a table: entity classes and table objects through imports and
 * barrels to their declaration, ORM model names through the models the adapters declared,
 * custom repositories through the entity they stand for. What stays unresolved is reported with
 * its location, never dropped, unless the adapter marked the guess as speculative.
 */
export function linkDataAccesses(
  files: FileFacts[],
  exportIndex: ExportIndex,
  declaredModels: DeclaredModel[],
): { accesses: DataAccessFact[]; tables: TableFact[]; diagnostics: Diagnostic[] } {
  const entities = new Map<string, EntityDeclaration & { file: string }>();
  const aliases = new Map<string, { file: string; target: TableRef }>();
  const models = new Map<string, ResolvedTable>();
  const fieldRefsByTable = new Map<string, Record<string, string>>();
  const sqlTexts = new Map<string, string>();
  const tables = new Map<string, { kind: 'table' | 'collection'; declaredIn: Location[] }>();
  const declareTable = (declared: string, kind: 'table' | 'collection', location: Location | null) => {
    const name = withoutDefaultSchema(declared);
    if (isSystemTable(name)) return;
    const entry = tables.get(name) ?? { kind, declaredIn: [] };
    if (location) entry.declaredIn.push(location);
    tables.set(name, entry);
  };
  for (const model of declaredModels) {
    models.set(`${model.orm}:${model.modelName}`, { table: model.table, kind: model.kind });
    declareTable(model.table, model.kind, { file: model.file, line: model.line });
  }
  const dropped = findDroppedTables(files);
  const droppedNames = new Set([...dropped].map((key) => withoutDefaultSchema(key.slice(key.indexOf(':') + 1))));
  for (const facts of files) {
    for (const entity of facts.entities) {
      entities.set(`${facts.path}#${entity.symbol}`, { ...entity, file: facts.path });
      if (entity.modelName) models.set(`${entity.via}:${entity.modelName}`, { table: entity.table, kind: entity.kind });
      if (entity.fieldRefs) fieldRefsByTable.set(entity.table, entity.fieldRefs);
      if (!dropped.has(`${entity.via}:${entity.table}`)) declareTable(entity.table, entity.kind, { file: facts.path, line: entity.line });
    }
    for (const alias of facts.aliases) aliases.set(`${facts.path}#${alias.symbol}`, { file: facts.path, target: alias.target });
    for (const { symbol, text } of facts.sqlTexts ?? []) sqlTexts.set(`${facts.path}#${symbol}`, text);
  }

  /** The accesses of queries that run an imported constant's SQL (`pool.query(GET_INVOICE)`), read now that its text is known. */
  const readSqlUses = (facts: FileFacts): RawDataAccess[] =>
    (facts.sqlUses ?? []).flatMap(({ symbol, line, queryId, transactionId }): RawDataAccess[] => {
      const text = sqlTexts.get(toDeclarationKey(exportIndex, facts.path, symbol));
      if (text === undefined) return [];
      const context = { via: 'sql', line, ...(transactionId ? { transactionId } : {}) };
      const found = getSqlTableAccesses(text);
      if (found === null) return [{ ...context, ref: { kind: 'unresolved', text: symbol }, access: 'read' }];
      return found.map(({ table, access }) => ({ ...context, ref: { kind: 'table', name: table }, access, ...(found.length > 1 ? { queryId } : {}) }));
    });

  /**
   * The declaration key a symbol name stands for. `A.b` is the member `b` declared on whatever
   * `A` is: looked up on A's class, then on what A is an alias of (a custom repository, an STI
   * child) or extends (`A:extends`, a base class that declares shared relations).
   */
  const findKey = (file: string, name: string, depth: number): string | null => {
    if (depth > MAX_ALIAS_DEPTH) return null;
    const dot = name.lastIndexOf('.');
    if (dot < 0) {
      const location = exportIndex.resolveLocal(file, name);
      return `${location.file}#${location.name}`;
    }
    const member = name.slice(dot + 1);
    let owner = findKey(file, name.slice(0, dot), depth + 1);
    for (let step = 0; owner && step < MAX_ALIAS_DEPTH; step++) {
      const key = `${owner}.${member}`;
      if (entities.has(key) || aliases.has(key)) return key;
      const next = aliases.get(owner) ?? aliases.get(`${owner}:extends`);
      owner = next?.target.kind === 'symbol' ? findKey(next.file, next.target.name, depth + 1) : null;
    }
    return null;
  };

  const resolveRef = (file: string, ref: TableRef, depth: number): ResolvedTable | null => {
    switch (ref.kind) {
      case 'table':
        return { table: ref.name, kind: tables.get(ref.name)?.kind ?? (ref.collection ? 'collection' : 'table') };
      case 'model':
        return models.get(`${ref.orm}:${ref.name}`) ?? null;
      case 'unresolved':
        return null;
      case 'symbol': {
        if (depth > MAX_ALIAS_DEPTH) return null;
        const key = findKey(file, ref.name, depth);
        if (!key) return null;
        const entity = entities.get(key);
        if (entity) return { table: entity.table, kind: entity.kind };
        const alias = aliases.get(key);
        return alias ? resolveRef(alias.file, alias.target, depth + 1) : null;
      }
      case 'either':
        for (const candidate of ref.refs) {
          const resolved = resolveRef(file, candidate, depth + 1);
          if (resolved) return resolved;
        }
        return null;
      case 'composite': {
        let name = '';
        for (const part of ref.parts) {
          const resolved = typeof part === 'string' ? part : resolveRef(file, part, depth + 1)?.table;
          if (resolved === undefined) return null;
          name += resolved;
        }
        return { table: name, kind: tables.get(name)?.kind ?? 'table' };
      }
      case 'field': {
        const owner = resolveRef(file, ref.owner, depth + 1);
        const target = owner ? fieldRefsByTable.get(owner.table)?.[ref.field] : undefined;
        return target === undefined ? null : (models.get(`${ref.orm}:${target}`) ?? null);
      }
    }
  };

  const toDeclaredSpelling = createSpellingMatcher(tables);
  const accesses: DataAccessFact[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const facts of files) {
    for (const access of [...facts.accesses, ...readSqlUses(facts)]) {
      const resolved = resolveRef(facts.path, access.ref, 0);
      if (!resolved) {
        if (access.speculative) continue;
        diagnostics.push({
          code: 'unresolved-table',
          severity: 'info',
          file: facts.path,
          line: access.line,
          message: `${access.via}: cannot tell which table ${describeRef(access.ref)} ${access.access === 'write' ? 'writes' : 'reads'}`,
        });
        continue;
      }
      const written = withoutDefaultSchema(resolved.table);
      const table = resolved.kind === 'table' && !tables.has(written) ? (toDeclaredSpelling(written) ?? written) : written;
      if (isSystemTable(table)) continue;
      // A migration's scratch table (`auth_new`, filled, then renamed over `auth`) is gone from the schema.
      if (droppedNames.has(table) && !tables.get(table)?.declaredIn.length) continue;
      if (!tables.has(table)) declareTable(table, resolved.kind, null);
      accesses.push({
        file: facts.path,
        line: access.line,
        table,
        access: access.access,
        via: access.via,
        ...(access.queryId ? { queryId: `${facts.path}:${access.queryId}` } : {}),
        ...(access.transactionId ? { transactionId: `${facts.path}:${access.transactionId}` } : {}),
      });
    }
  }
  const tableFacts = [...tables.entries()]
    .map(([name, entry]) => ({ name, kind: entry.kind, declaredIn: entry.declaredIn }))
    .sort((a, b) => compareStrings(a.name, b.name));
  return { accesses, tables: tableFacts, diagnostics };
}

/**
 * The declared table a name from SQL text means when it is spelt otherwise: the one table whose
 * name differs only in case (`FROM Users` for Sequelize's `Users`: MySQL and SQLite keep the
 * case the parser folds, and on Postgres the query would not run unless it meant that table),
 * or, for a schema-qualified name, the declared table of that name (`auth.members` where
 * Prisma's `@@schema("auth")` or TypeORM's `schema:` declared `members`). Without it one table
 * was reported twice, with its accesses split between the two.
 */
function createSpellingMatcher(tables: ReadonlyMap<string, { kind: 'table' | 'collection'; declaredIn: Location[] }>): (name: string) => string | null {
  const declaredByLowerName = new Map<string, string[]>();
  for (const [name, entry] of tables) {
    if (entry.kind !== 'table' || entry.declaredIn.length === 0) continue;
    const key = name.toLowerCase();
    declaredByLowerName.set(key, [...(declaredByLowerName.get(key) ?? []), name]);
  }
  const findUnique = (name: string) => {
    const found = declaredByLowerName.get(name.toLowerCase());
    return found?.length === 1 ? found[0]! : null;
  };
  return (name) => {
    const sameName = findUnique(name);
    if (sameName) return sameName;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? findUnique(name.slice(dot + 1)) : null;
  };
}

function describeRef(ref: TableRef): string {
  switch (ref.kind) {
    case 'symbol':
      return `'${ref.name}'`;
    case 'model':
      return `model '${ref.name}'`;
    case 'unresolved':
      return `'${ref.text}' (not parseable, or built at run time)`;
    case 'table':
      return `'${ref.name}'`;
    case 'either':
      return ref.refs.map(describeRef).join(' or ');
    case 'composite':
      return ref.parts.map((part) => (typeof part === 'string' ? part : `{${describeRef(part)}}`)).join('');
    case 'field':
      return `the model ${describeRef(ref.owner)}.${ref.field} refers to`;
  }
}

/**
 * `via:table` for each table a migration API (Knex, node-pg-migrate, Sequelize) last dropped or
 * renamed away: though an old migration declares it, it is no longer in the schema.
 */
function findDroppedTables(files: FileFacts[]): Set<string> {
  return new Set([...replayFileSchemaChanges(files).values()].filter((change) => !change.created).map((change) => change.key));
}
