import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getSqlTableAccesses } from '../../../src/extract/data/sql/index.js';
import { isSystemTable } from '../../../src/extract/link/is-system-table.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const root = getFixturePath('data', 'sql', 'basic');

describe('the raw SQL adapter', () => {
  it('finds the tables raw SQL reads and writes through pg, pg-promise and mysql2', async () => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('reports a table name built at run time as an unresolved-table diagnostic at its file and line', async () => {
    const analysis = await analyze({ root });
    const unresolved = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-table');
    expect(unresolved).toEqual([
      {
        code: 'unresolved-table',
        severity: 'info',
        file: 'src/reports/table-counts.ts',
        line: 9,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the analysed code's template, quoted in the message
        message: "sql: cannot tell which table 'SELECT count(*)::int AS n FROM ${table}' (not parseable, or built at run time) reads",
      },
    ]);
    expect(unresolved.map(({ file, line }) => ({ file, line }))).toEqual(readExpected(root).unresolved);
  });
});

describe('SQL kept in query modules', () => {
  it('reads the SQL of constants imported from another module, in every way modules export them', async () => {
    const analysis = await analyze({ root: getFixturePath('data', 'sql', 'query-modules') });
    expect(analysis.dataAccesses.map(({ file, line, table, access }) => `${file}:${line} ${access} ${table}`)).toEqual([
      'src/legacy/drivers.js:7 read drivers',
      'src/legacy/drivers.js:8 write drivers',
      'src/legacy/drivers.js:9 write shifts',
      'src/legacy/drivers.js:10 write archived_drivers',
      'src/legacy/drivers.js:10 read drivers',
      'src/repositories/vehicle.repository.ts:5 read vehicles',
      'src/repositories/vehicle.repository.ts:10 write vehicles',
      'src/repositories/vehicle.repository.ts:14 read positions',
      'src/repositories/vehicle.repository.ts:14 read vehicles',
      'src/repositories/vehicle.repository.ts:19 write positions',
    ]);
    expect(analysis.diagnostics).toEqual([]);
    // The join of one query keeps one query id, as a query written in place does.
    const facts = await extractDataFacts(getFixturePath('data', 'sql', 'query-modules'));
    const trail = facts.accesses.filter((access) => access.file === 'src/repositories/vehicle.repository.ts' && access.line === 14);
    expect(trail.length).toBe(2);
    expect(new Set(trail.map((access) => access.queryId)).size).toBe(1);
    expect(trail[0]?.queryId).toBeDefined();
  });
});

describe('table names spelt otherwise than the schema spells them', () => {
  it('maps a name that differs only in case, or is qualified by a schema, to the one declared table', async () => {
    const analysis = await analyze({ root: getFixturePath('data', 'sql', 'table-spelling') });
    expect(analysis.tables.map((table) => table.name)).toEqual(['Customers', 'Invoices', 'audit_events']);
    expect(analysis.dataAccesses.map(({ file, line, table, access }) => `${file}:${line} ${access} ${table}`)).toEqual([
      'src/accounts/customers.ts:5 read Customers',
      'src/accounts/customers.ts:10 write Customers',
      'src/billing/invoices.ts:6 read Customers',
      'src/billing/invoices.ts:6 read Invoices',
      'src/billing/invoices.ts:13 write Invoices',
      'src/billing/invoices.ts:14 write audit_events',
    ]);
  });
});

describe('tables declared by SQL scripts', () => {
  const migrations = getFixturePath('data', 'sql', 'migrations');

  it('replays schema dumps and migrations in name order, up only, and joins public.x with x', async () => {
    const analysis = await analyze({ root: migrations });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(migrations).tables);
    expect(analysis.tables.find((table) => table.name === 'bills')?.declaredIn).toEqual([{ file: 'migrations/002_cleanup.sql', line: 3 }]);
    expect(analysis.tables.find((table) => table.name === 'customers')?.declaredIn).toEqual([{ file: 'db/schema.sql', line: 10 }]);
    const score = scoreAccesses(readExpected(migrations).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBe(1);
    expect(score.recall, describeScore(score)).toBe(1);
  });
});

describe("SQL passed to a project's own database wrapper", () => {
  const wrapper = getFixturePath('data', 'sql', 'sqlite-wrapper');

  it('reads queries and schema statements from any call on a database handle, and capitalised SQL anywhere', async () => {
    const analysis = await analyze({ root: wrapper });
    const score = scoreAccesses(readExpected(wrapper).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBe(1);
    expect(score.recall, describeScore(score)).toBe(1);
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(wrapper).tables);
    expect(analysis.tables.find((table) => table.name === 'messages_binary')?.declaredIn).toEqual([{ file: 'src/sync/message-store.js', line: 6 }]);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-table')).toEqual([]);
  });
});

describe('getSqlTableAccesses', () => {
  it("reads SQLite's INSERT OR REPLACE and INSERT OR IGNORE as inserts", () => {
    expect(getSqlTableAccesses('INSERT OR REPLACE INTO secrets (name, value) VALUES (?, ?)')).toEqual([{ table: 'secrets', access: 'write' }]);
    expect(getSqlTableAccesses('insert or ignore into events (id) select id from staged_events')).toEqual([
      { table: 'events', access: 'write' },
      { table: 'staged_events', access: 'read' },
    ]);
  });

  it('reads the tables inside a CTE but not the name the CTE binds', () => {
    expect(
      getSqlTableAccesses('WITH recent AS (SELECT * FROM orders WHERE placed_at > $1) SELECT * FROM recent r JOIN customers c ON c.id = r.customer_id'),
    ).toEqual([
      { table: 'orders', access: 'read' },
      { table: 'customers', access: 'read' },
    ]);
  });

  it('writes the target of UPDATE … FROM and reads the FROM', () => {
    expect(getSqlTableAccesses('UPDATE orders o SET status = $1 FROM payments p WHERE p.order_id = o.id')).toEqual([
      { table: 'orders', access: 'write' },
      { table: 'payments', access: 'read' },
    ]);
  });

  it('writes the target of INSERT … SELECT and reads its source', () => {
    expect(getSqlTableAccesses('INSERT INTO orders_archive (id) SELECT id FROM orders WHERE status = $1')).toEqual([
      { table: 'orders_archive', access: 'write' },
      { table: 'orders', access: 'read' },
    ]);
  });

  it('reads the tables of subqueries in WHERE and FROM', () => {
    expect(
      getSqlTableAccesses('SELECT * FROM (SELECT * FROM invoices) i WHERE i.id IN (SELECT invoice_id FROM payments) AND EXISTS (SELECT 1 FROM refunds)'),
    ).toEqual([
      { table: 'invoices', access: 'read' },
      { table: 'payments', access: 'read' },
      { table: 'refunds', access: 'read' },
    ]);
  });

  it('keeps schema-qualified names and the exact text of quoted identifiers', () => {
    expect(getSqlTableAccesses('DELETE FROM "billing"."Invoice Lines" WHERE id = $1')).toEqual([{ table: 'billing.Invoice Lines', access: 'write' }]);
    expect(getSqlTableAccesses('SELECT * FROM public.users')).toEqual([{ table: 'public.users', access: 'read' }]);
  });

  it('falls back to the MySQL grammar for backticks and ? placeholders', () => {
    expect(getSqlTableAccesses('UPDATE `stock_levels` sl JOIN `skus` s ON s.id = sl.sku_id SET sl.`reserved` = ? WHERE s.`code` = ?')).toEqual([
      { table: 'stock_levels', access: 'write' },
      { table: 'skus', access: 'read' },
    ]);
    expect(getSqlTableAccesses('SELECT * FROM `warehouse`.`bins` WHERE id = ?')).toEqual([{ table: 'warehouse.bins', access: 'read' }]);
  });

  it('understands DELETE … USING, MERGE and TRUNCATE, which write their targets', () => {
    expect(getSqlTableAccesses('DELETE FROM sessions s USING users u WHERE s.user_id = u.id RETURNING s.id')).toEqual([
      { table: 'sessions', access: 'write' },
      { table: 'users', access: 'read' },
    ]);
    expect(getSqlTableAccesses('MERGE INTO stock s USING incoming i ON s.sku = i.sku WHEN MATCHED THEN UPDATE SET qty = i.qty')).toEqual([
      { table: 'stock', access: 'write' },
      { table: 'incoming', access: 'read' },
    ]);
    expect(getSqlTableAccesses('TRUNCATE audit.events, jobs')).toEqual([
      { table: 'audit.events', access: 'write' },
      { table: 'jobs', access: 'write' },
    ]);
  });

  it('returns null for text that does not parse and for a table given as a placeholder', () => {
    expect(getSqlTableAccesses('SELEC * FORM users')).toBeNull();
    expect(getSqlTableAccesses('SELECT count(*) FROM $1')).toBeNull();
  });
});

describe('the database catalog', () => {
  it('is never an application table: catalog schemas, pg_ and sqlite_ views, Oracle dual, migration bookkeeping', () => {
    const system = ['information_schema.columns', 'INFORMATION_SCHEMA.TABLES', 'pg_catalog.pg_class', 'pg_indexes', 'sqlite_master', 'dual', 'dba_segments', 'sys.database_files', 'knex_migrations', 'SequelizeMeta', '_prisma_migrations', 'kysely_migration', '__drizzle_migrations'];
    const application = ['users', 'pgroups', 'page_views', 'dual_currency_prices', 'system_settings', 'migrations', 'audit.events', 'sys_users'];
    expect(system.filter((table) => !isSystemTable(table))).toEqual([]);
    expect(application.filter((table) => isSystemTable(table))).toEqual([]);
  });

  it('is left out of accesses and declarations, end to end', async () => {
    const analysis = await analyze({ root });
    expect(analysis.dataAccesses.filter((access) => access.file === 'src/db/schema-check.ts')).toEqual([]);
    const scripts = await analyze({ root: getFixturePath('data', 'sql', 'migrations') });
    expect(scripts.tables.map((table) => table.name)).not.toContain('schema_migrations');
  });
});
