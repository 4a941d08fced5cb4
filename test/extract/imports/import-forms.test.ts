import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getFixturePath } from '../../helpers/fixture-path.js';

interface ExpectedEdges {
  edges: { from: string; to: string; kind: string }[];
  unresolved?: { from: string; specifier: string }[];
}

const cases = fs.readdirSync(getFixturePath('imports')).sort();

describe('every way one file depends on another', () => {
  it.each(cases)('finds exactly the expected edges in fixtures/imports/%s', async (name) => {
    const root = getFixturePath('imports', name);
    const expected = JSON.parse(fs.readFileSync(path.join(root, 'expected.json'), 'utf8')) as ExpectedEdges;
    const analysis = await analyze({ root });

    const actual = analysis.edges.map((edge) => `${edge.from} -> ${edge.to}`).sort();
    const wanted = [...new Set(expected.edges.map((edge) => `${edge.from} -> ${edge.to}`))].sort();
    expect(actual).toEqual(wanted);

    const missingKinds = expected.edges.filter((edge) => {
      const found = analysis.edges.find((candidate) => candidate.from === edge.from && candidate.to === edge.to);
      return !found?.kinds.includes(edge.kind as never);
    });
    expect(missingKinds).toEqual([]);

    const unresolved = analysis.diagnostics
      .filter((diagnostic) => diagnostic.code === 'unresolved-import')
      .map((diagnostic) => diagnostic.file);
    expect(unresolved.sort()).toEqual((expected.unresolved ?? []).map((entry) => entry.from).sort());
  });

  it('attributes a named import through two barrels to the file that declares it', async () => {
    const analysis = await analyze({ root: getFixturePath('imports', 'barrel-attribution') });
    const fromReport = analysis.edges.filter((edge) => edge.from === 'src/report.ts').map((edge) => edge.to);
    expect(fromReport.sort()).toEqual(['src/domain/index.ts', 'src/users/user.repo.ts']);
  });

  it('links an @Inject token to its provider even though nothing imports the provider', async () => {
    const analysis = await analyze({ root: getFixturePath('imports', 'nestjs-di') });
    const edge = analysis.edges.find((e) => e.from === 'src/catalog.service.ts' && e.to === 'src/redis-cache.ts');
    expect(edge?.kinds).toEqual(['di']);
  });
});
