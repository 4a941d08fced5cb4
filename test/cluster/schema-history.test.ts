import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { isSchemaHistory } from '../../src/util/is-schema-history.js';
import { getFixturePath } from '../helpers/fixture-path.js';

/** Two Knex services, orders and accounts, and one data fix that writes both of their tables. */
function writeShop(dataFixFolder: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-history-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('package.json', JSON.stringify({ dependencies: { knex: '^3.1.0' } }));
  write('src/db.ts', "import knex from 'knex';\nexport const db = knex({ client: 'pg' });\n");
  for (const [domain, table] of [['orders', 'orders'], ['accounts', 'accounts']] as const) {
    write(`src/${domain}/${domain}.repository.ts`, `import { db } from '../db';\nexport const find = (id: number) => db('${table}').where({ id }).first();\nexport const save = (row: object) => db('${table}').insert(row);\n`);
    write(`src/${domain}/${domain}.service.ts`, `import { find, save } from './${domain}.repository';\nexport const get = (id: number) => find(id);\nexport const create = (row: object) => save(row);\n`);
    write(`src/${domain}/${domain}.controller.ts`, `import { get, create } from './${domain}.service';\nexport const routes = { get, create };\n`);
  }
  write(
    `src/${dataFixFolder}/20240501_backfill_owner.ts`,
    "import type { Knex } from 'knex';\nexport async function up(knex: Knex) {\n  await knex('orders').update({ owner: 1 });\n  await knex('accounts').update({ migrated: true });\n}\n",
  );
  return root;
}

describe('schema history: migrations and seeds', () => {
  it('is recognised by the folder it lives in, not by its file name', () => {
    expect(
      [
        'src/migrations/1700000000000-Init.ts',
        'src/database/migration/1690000000000-AddUsers.ts',
        'db/seeds/01_users.js',
        'src/database/seeders/20240101-demo.js',
        'core/server/data/migrations/versions/4.0/18-transform.js',
      ].filter((file) => !isSchemaHistory(file)),
    ).toEqual([]);
    expect(['src/migrations.ts', 'src/users/migrate-user.service.ts', 'src/workspaceMigrations/index.ts', 'migrations'].filter(isSchemaHistory)).toEqual([]);
  });

  it('is left out of every service, while its schema changes still declare tables', async () => {
    const analysis = await analyze({ root: getFixturePath('data', 'knex', 'basic') });
    const history = analysis.files.filter((file) => file.placement === 'schema-history');
    expect(history.map((file) => [file.path, file.service, file.role])).toEqual([
      ['src/db/migrations/20240312_init.ts', null, 'unassigned'],
      ['src/db/migrations/20240401_audit.ts', null, 'unassigned'],
      ['src/db/migrations/20240601_cleanup.js', null, 'unassigned'],
    ]);
    expect(analysis.services.flatMap((service) => service.files).filter((file) => file.includes('/migrations/'))).toEqual([]);
    expect(analysis.tables.map((table) => table.name)).toContain('audit_log');
  });

  it('does not make the tables a data fix writes shared between services', async () => {
    const inHistory = await analyze({ root: writeShop('migrations') });
    expect(inHistory.tables.filter((table) => table.shared).map((table) => table.name)).toEqual([]);
    expect(inHistory.services.map((service) => service.name).sort()).toEqual(['account', 'order']);

    // The same file outside a migrations folder is code of some service, and the tables it writes are shared.
    const asCode = await analyze({ root: writeShop('jobs') });
    expect(asCode.tables.filter((table) => table.shared).length).toBeGreaterThan(0);
  });
});
