import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { DEFAULT_OPTIONS } from '../../src/config/defaults.js';
import { loadWorkspace } from '../../src/load/index.js';
import { getFixturePath } from '../helpers/fixture-path.js';

describe('the package.json files that decide which libraries are in use', () => {
  it('include the nearest one above a root that has none, so that analysing src/ still finds the tables', async () => {
    const project = getFixturePath('data', 'sequelize', 'basic');
    const whole = await analyze({ root: project });
    const sourceOnly = await analyze({ root: path.join(project, 'src') });
    expect(loadWorkspace(path.join(project, 'src'), DEFAULT_OPTIONS).dependencies).toContain('sequelize');
    expect(sourceOnly.dataAccesses.length).toBeGreaterThan(0);
    expect(sourceOnly.dataAccesses.map((access) => `src/${access.file} ${access.table} ${access.access}`)).toEqual(
      whole.dataAccesses.filter((access) => access.file.startsWith('src/')).map((access) => `${access.file} ${access.table} ${access.access}`),
    );
  });

  it('include one in a subfolder of a root that has none (a repository with backend/ and frontend/ side by side)', () => {
    const repository = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-manifests-'));
    fs.mkdirSync(path.join(repository, 'backend', 'src'), { recursive: true });
    fs.writeFileSync(path.join(repository, 'backend', 'package.json'), JSON.stringify({ dependencies: { knex: '^3.1.0' } }));
    fs.writeFileSync(path.join(repository, 'backend', 'src', 'users.ts'), "import { db } from './db';\nexport const all = () => db('users');\n");
    fs.writeFileSync(path.join(repository, 'backend', 'src', 'db.ts'), "import knex from 'knex';\nexport const db = knex({ client: 'pg' });\n");
    expect(loadWorkspace(repository, DEFAULT_OPTIONS).dependencies).toEqual(['knex']);
  });
});
