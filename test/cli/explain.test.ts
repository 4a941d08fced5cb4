import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFixturePath } from '../helpers/fixture-path.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = getFixturePath('findings', 'shared-table');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-explain-'));
const report = path.join(out, 'seams.json');

beforeAll(async () => {
  const result = await runCli(['analyze', fixture, '--out', out, '--no-workers']);
  expect(result.exitCode).toBe(0);
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('seams explain', () => {
  it('says why a file sits in its service: its weight by service, placement, tables and findings', async () => {
    const result = await runCli(['explain', 'src/billing/invoices.repository.ts', fixture, '--no-workers']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.replace(/shared-table [0-9a-f]{16}/g, 'shared-table <id>')).toBe(
      [
        'file src/billing/invoices.repository.ts',
        '  service: billing, placement pinned, confidence 1.00, 29 lines',
        '  why: Pinned to billing by the configuration (pins).',
        '',
        'Dependency weight by service',
        '  billing                      5.3  (4 edges)',
        '  orders                         3  (2 edges)',
        '  shared kernel                  1  (1 edge)',
        '',
        'Depends on (2)',
        '  src/billing/invoice.model.ts  [billing] import+type 1.3  (line 2)',
        '  src/config/database.ts  [-] import 1  (line 1)',
        '',
        'Used by (1)',
        '  src/billing/invoices.service.ts:2  [billing] import 1',
        '',
        'Tables',
        '  customers  write  owner orders',
        '  invoices  read+write  owner billing',
        '  orders  read  owner orders',
        '',
        'Findings (2)',
        '  [high] Table customers is written by 2 services (billing and orders)  (shared-table <id>)',
        '  [medium] Table orders is written by orders and read by billing  (shared-table <id>)',
        '',
      ].join('\n'),
    );
  });

  it('lists who writes and reads a table, with file:line, from an existing report', async () => {
    const result = await runCli(['explain', 'customers', '--from', report]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      [
        'table customers (table)',
        '  owner: orders, shared by several services',
        '',
        'Accessors',
        '  billing                  1 write, 0 reads',
        '  orders                   2 writes, 0 reads',
        '',
        'Writes (3)',
        '  src/billing/invoices.repository.ts:26  [billing] knex',
        '  src/orders/orders.repository.ts:23  [orders] knex',
        '  src/orders/orders.repository.ts:27  [orders] knex',
        '',
        'Reads (0)',
        '  (none)',
      ].join('\n'),
    );
  });

  it('prints the same explanation as JSON with --json', async () => {
    const result = await runCli(['explain', 'service:billing', '--from', report, '--json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'service',
      id: 'billing',
      size: 5,
      tables: ['invoices'],
      dependsOn: [],
      dependedOnBy: [],
      extraction: { rank: 1, service: 'billing', sharedTables: 2 },
      findings: [
        { kind: 'shared-table', severity: 'high', message: 'Table customers is written by 2 services (billing and orders)' },
        { kind: 'shared-table', severity: 'medium', message: 'Table orders is written by orders and read by billing' },
      ],
    });
  });

  it('finds a file by a unique end of its path', async () => {
    const result = await runCli(['explain', 'orders.repository.ts', '--from', report, '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'file', path: 'src/orders/orders.repository.ts', service: 'orders' });
  });

  it('asks for a prefix when a name is both a table and a service', async () => {
    const result = await runCli(['explain', 'orders', '--from', report]);
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'seams: "orders" names more than one thing; write table:orders or service:orders\n' });
  });

  it('says so when nothing has the name', async () => {
    const result = await runCli(['explain', 'src/billing/payments.ts', '--from', report]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('seams: "src/billing/payments.ts" is not a file, table or service of shared-table\n');
  });
});
