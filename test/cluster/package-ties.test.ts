import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { DEFAULT_OPTIONS } from '../../src/config/defaults.js';
import { loadWorkspace } from '../../src/load/index.js';

/**
 * An Nx repository: no package.json workspaces, a project.json per project, libraries whose
 * folders are named by layer (src/lib/…) and imported through per-library aliases.
 */
function writeNxRepository(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-nx-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('package.json', JSON.stringify({ name: 'shop', private: true, dependencies: { '@nestjs/common': '^10.0.0' } }));
  write(
    'tsconfig.base.json',
    JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@shop/orders': ['libs/orders/src/index.ts'], '@shop/billing': ['libs/billing/src/index.ts'] } } }),
  );
  write('tsconfig.json', JSON.stringify({ extends: './tsconfig.base.json', include: ['apps', 'libs'] }));
  write('apps/api/project.json', JSON.stringify({ name: 'api' }));
  write('apps/api/src/main.ts', "import { placeOrder } from '@shop/orders';\nimport { invoice } from '@shop/billing';\nexport const start = () => invoice(placeOrder('x'));\n");
  for (const lib of ['orders', 'billing']) {
    write(`libs/${lib}/project.json`, JSON.stringify({ name: lib }));
    write(`libs/${lib}/src/lib/model.ts`, 'export interface Row { id: string }\n');
    write(`libs/${lib}/src/lib/store.ts`, "import type { Row } from './model';\nexport const rows: Row[] = [];\n");
    write(`libs/${lib}/src/lib/rules.ts`, "import { rows } from './store';\nexport const count = () => rows.length;\n");
  }
  write('libs/orders/src/index.ts', "import { count } from './lib/rules';\nimport { rows } from './lib/store';\nexport const placeOrder = (id: string) => { rows.push({ id }); return count(); };\n");
  write('libs/billing/src/index.ts', "import { count } from './lib/rules';\nimport { placeOrder } from '@shop/orders';\nexport const invoice = (n: number) => n + count() + placeOrder('b');\n");
  return root;
}

describe('units the authors chose: workspace packages and Nx projects', () => {
  it('finds every Nx project.json as a project folder', () => {
    const root = writeNxRepository();
    const folders = loadWorkspace(root, DEFAULT_OPTIONS).projectFolders.map((folder) => path.relative(root, folder).split(path.sep).join('/'));
    expect(folders.sort()).toEqual(['apps/api', 'libs/billing', 'libs/orders']);
  });

  it('keeps each small Nx library whole in one service, though its folders are named by layer', async () => {
    const analysis = await analyze({ root: writeNxRepository(), minServiceSize: 2 });
    const serviceOf = new Map(analysis.files.map((file) => [file.path, file.service]));
    for (const lib of ['orders', 'billing']) {
      const services = new Set(['index.ts', 'lib/model.ts', 'lib/store.ts', 'lib/rules.ts'].map((file) => serviceOf.get(`libs/${lib}/src/${file}`)));
      expect(services.size, lib).toBe(1);
      expect([...services][0], lib).not.toBeNull();
    }
    expect(serviceOf.get('libs/orders/src/index.ts')).not.toBe(serviceOf.get('libs/billing/src/index.ts'));
  });
});
