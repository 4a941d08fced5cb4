import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-diagnostics-once-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function write(relative: string, text: string): void {
  const file = path.join(scratch, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('a problem is reported once, where several facts share it', () => {
  it('reports one unresolved import for a statement that imports values and types alike', async () => {
    write('single/package.json', '{ "name": "single" }\n');
    write('single/src/post.repository.ts', "import { PrismaClient, type Post } from '../generated/prisma/client.js';\nexport const load = (db: PrismaClient): Post[] => [];\n");
    const analysis = await analyze({ root: path.join(scratch, 'single') });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-import')).toHaveLength(1);
    expect(analysis.summary.unresolvedImports).toBe(1);
  });

  it('notes an alias that points outside the root once, though every config of the extends chain inherits it', async () => {
    write('nx/tsconfig.base.json', '{ "compilerOptions": { "paths": { "@org/db": ["libs/db/src/index.ts"] } } }\n');
    write('nx/libs/db/src/index.ts', 'export const db = {};\n');
    write('nx/apps/api/tsconfig.json', '{ "extends": "../../tsconfig.base.json", "files": [], "references": [{ "path": "./tsconfig.app.json" }] }\n');
    write('nx/apps/api/tsconfig.app.json', '{ "extends": "./tsconfig.json", "include": ["src/**/*.ts"] }\n');
    write('nx/apps/api/package.json', '{ "name": "api" }\n');
    write('nx/apps/api/src/main.ts', "import { db } from '@org/db';\nexport const app = { db };\n");
    const analysis = await analyze({ root: path.join(scratch, 'nx', 'apps', 'api') });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'alias-outside-root')).toHaveLength(1);
  });
});

describe('a module of a sibling workspace package that does not exist', () => {
  it('is an unresolved import, while the package itself and its non-code files are not', async () => {
    write('ws/package.json', '{ "name": "ws", "private": true, "workspaces": ["packages/*"] }\n');
    write('ws/packages/utils/package.json', '{ "name": "@acme/utils", "main": "dist/index.js" }\n');
    write('ws/packages/utils/src/index.ts', 'export const slug = (text: string) => text.toLowerCase();\n');
    write('ws/packages/api/package.json', '{ "name": "@acme/api", "dependencies": { "@acme/utils": "*" } }\n');
    write(
      'ws/packages/api/src/main.ts',
      "import { slug } from '@acme/utils';\nimport { nope } from '@acme/utils/nope';\nimport '@acme/utils/styles.css';\nexport const run = () => [slug('A'), nope];\n",
    );
    const analysis = await analyze({ root: path.join(scratch, 'ws') });
    expect(analysis.edges.map((edge) => `${edge.from} -> ${edge.to}`)).toEqual(['packages/api/src/main.ts -> packages/utils/src/index.ts']);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-import').map((diagnostic) => diagnostic.message)).toEqual([
      "cannot resolve '@acme/utils/nope'",
    ]);
  });
});
