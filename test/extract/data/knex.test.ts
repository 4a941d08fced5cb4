import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts, getTransactionRows } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const root = getFixturePath('data', 'knex', 'basic');

describe('the Knex adapter', () => {
  it('finds the tables Knex query chains read and write', async () => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('declares the tables a migration creates, schema-qualified under withSchema', async () => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(root).tables);
    expect(analysis.tables.find((table) => table.name === 'sales.refunds')?.declaredIn).toEqual([
      { file: 'src/db/migrations/20240312_init.ts', line: 22 },
    ]);
  });

  it('replays the migrations: a dropped table is gone, a renamed one has its new name, rollbacks are not run', async () => {
    const analysis = await analyze({ root });
    const names = analysis.tables.map((table) => table.name);
    expect(names).toContain('audit_log');
    expect(names).not.toContain('audit_events');
    expect(names).not.toContain('legacy_sessions');
    expect(analysis.tables.find((table) => table.name === 'audit_log')?.declaredIn).toEqual([
      { file: 'src/db/migrations/20240601_cleanup.js', line: 3 },
    ]);
  });

  it('replays a drop and a re-create chained on one line in the order written', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-knex-'));
    try {
      fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'p', dependencies: { knex: '^3.1.0' } }));
      fs.mkdirSync(path.join(project, 'migrations'));
      fs.writeFileSync(
        path.join(project, 'migrations', '001_reset.js'),
        [
          "exports.up = (knex) => knex.schema.dropTableIfExists('coupons').createTable('coupons', (t) => t.string('code'));",
          "exports.up2 = (knex) => knex.schema.createTable('drafts', (t) => t.string('id')).dropTable('drafts');",
        ].join('\n'),
      );
      const analysis = await analyze({ root: project });
      expect(analysis.tables.map((table) => table.name)).toEqual(['coupons']);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  it('puts the queries of one knex.transaction callback in one transaction and a join in one query', async () => {
    const facts = await extractDataFacts(root);
    expect(getTransactionRows(facts, 'src/orders/place-order.ts')).toEqual([
      [11, 'orders', 'write', 't1'],
      [12, 'order_items', 'write', 't1'],
      [14, 'inventory', 'write', 't1'],
    ]);
    const join = facts.accesses.filter((access) => access.file === 'src/inventory/inventory.service.ts' && access.line === 15);
    expect(join.map((access) => access.table)).toEqual(['inventory', 'warehouses']);
    expect(new Set(join.map((access) => access.queryId)).size).toBe(1);
    expect(join[0]?.queryId).toBeDefined();
  });

  it('resolves table names kept in constants, re-exports and enums, and reports a table chosen at run time', async () => {
    const analysis = await analyze({ root });
    const rows = (file: string) => analysis.dataAccesses.filter((access) => access.file === file).map((access) => `${access.line} ${access.table} ${access.access}`);
    expect(rows('src/returns/returns.ts')).toEqual(['6 returns write', '11 shipment_events read']);
    expect(rows('src/shipping/shipment.store.ts')).toEqual([
      '19 shipments read',
      '23 shipment_events write',
      '27 shipments read',
      '36 shipment_events read',
      '44 shipments read',
      '46 shipment_events read',
    ]);
    const unresolved = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-table');
    expect(unresolved.map(({ file, line }) => ({ file, line }))).toEqual(readExpected(root).unresolved);
  });

  it('never takes a CTE for a table, also where raw SQL in another .with() reads it', async () => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map((table) => table.name)).not.toContain('latest');
    expect(analysis.tables.map((table) => table.name)).not.toContain('counted');
  });
});

