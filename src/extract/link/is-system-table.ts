/** Schemas that hold a database's own catalog, never an application's data. */
const CATALOG_SCHEMAS = new Set(['information_schema', 'pg_catalog', 'pg_toast', 'sys', 'mysql', 'performance_schema']);

/** Catalog views and bookkeeping tables named without a schema. */
const SYSTEM_TABLES = new Set([
  // SQLite's catalog
  'sqlite_master',
  'sqlite_schema',
  'sqlite_temp_master',
  'sqlite_sequence',
  'sqlite_stat1',
  // Oracle's one-row table and its catalog views
  'dual',
  'all_tables',
  'all_tab_columns',
  'all_constraints',
  'all_indexes',
  'all_views',
  'all_sequences',
  'all_objects',
  'user_tables',
  'user_tab_columns',
  'user_constraints',
  'user_indexes',
  'user_views',
  'user_sequences',
  'user_objects',
  // SQL Server's compatibility views
  'sysobjects',
  'syscolumns',
  'sysindexes',
  // Migration tools' own bookkeeping
  'knex_migrations',
  'knex_migrations_lock',
  'sequelizemeta',
  '_prisma_migrations',
  'typeorm_metadata',
  'mikro_orm_migrations',
  'pgmigrations',
  'flyway_schema_history',
  'schema_migrations',
  // Kysely's and Drizzle's ('migrations', TypeORM's and db-migrate's default, is also a plain name applications use)
  'kysely_migration',
  'kysely_migration_lock',
  '__drizzle_migrations',
]);

/**
 * Whether a table is the database's own (its catalog, a migration tool's bookkeeping) rather
 * than the application's. Schema inspection code reads `information_schema.columns`,
 * `pg_indexes` or Oracle's `dual` in every dialect helper; counted as tables, they made
 * "shared tables" of whatever services inspect the schema.
 */
export function isSystemTable(table: string): boolean {
  const name = table.toLowerCase();
  const dot = name.indexOf('.');
  if (dot > 0 && CATALOG_SCHEMAS.has(name.slice(0, dot))) return true;
  const bare = dot > 0 ? name.slice(dot + 1) : name;
  return SYSTEM_TABLES.has(bare) || bare.startsWith('pg_') || bare.startsWith('dba_') || name === 'information_schema';
}
