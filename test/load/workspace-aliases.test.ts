import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { DEFAULT_OPTIONS } from '../../src/config/defaults.js';
import { createResolver } from '../../src/extract/imports/create-resolver.js';
import { loadWorkspace } from '../../src/load/index.js';
import { getFixturePath } from '../helpers/fixture-path.js';

interface ExpectedResolution {
  from: string;
  specifier: string;
  to: string;
}

const root = getFixturePath('workspaces', 'alias-per-package');
const expected = JSON.parse(fs.readFileSync(path.join(root, 'expected.json'), 'utf8')) as {
  aliases: ExpectedResolution[];
  packageImports: ExpectedResolution[];
};

function resolveAll(entries: ExpectedResolution[]) {
  const workspace = loadWorkspace(root, DEFAULT_OPTIONS);
  const resolve = createResolver(workspace);
  return entries.map((entry) => {
    const index = workspace.files.findIndex((file) => file.path === entry.from);
    const resolution = resolve(path.join(workspace.root, entry.from), entry.specifier, workspace.configOfFile[index] ?? -1);
    const to = resolution.kind === 'file' ? path.relative(workspace.root, resolution.absolute) : resolution.kind;
    return { from: entry.from, specifier: entry.specifier, to };
  });
}

describe('a workspace monorepo with a tsconfig per package', () => {
  it('resolves the same alias to a different folder in each package, by the nearest tsconfig', () => {
    expect(resolveAll(expected.aliases)).toEqual(expected.aliases);
  });

  it("resolves workspace package imports to the package's source, not its unbuilt dist", () => {
    expect(resolveAll(expected.packageImports)).toEqual(expected.packageImports);
  });

  it('looks through the solution-style root tsconfig, which lists no files itself', async () => {
    const analysis = await analyze({ root });
    expect(analysis.diagnostics.filter((d) => d.code === 'unresolved-import')).toEqual([]);
    expect(analysis.files.length).toBeGreaterThan(20);
  });

  it('records imports of sibling packages as external workspace dependencies when one package is analysed', async () => {
    const analysis = await analyze({ root: path.join(root, 'apps', 'api') });
    const external = new Set(analysis.files.flatMap((file) => file.externalWorkspaceImports));
    expect([...external].sort()).toEqual(['@acme/db', '@acme/shared']);
    expect(analysis.files.every((file) => !file.path.startsWith('..'))).toBe(true);
    expect(analysis.diagnostics.filter((d) => d.code === 'unresolved-import')).toEqual([]);
  });
});
