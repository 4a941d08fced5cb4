import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { toRegistrationName } from '../../../src/extract/frameworks/awilix/index.js';
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

  it('says which import() and require() calls it cannot follow, and follows a folder loader', async () => {
    const computed = async (root: string) =>
      (await analyze({ root })).diagnostics.filter((diagnostic) => diagnostic.code === 'computed-import').map((diagnostic) => `${diagnostic.file}:${diagnostic.line}`);
    expect(await computed(getFixturePath('imports', 'dynamic-and-require'))).toEqual(['src/main.ts:12', 'src/main.ts:17']);
    expect(await computed(getFixturePath('imports', 'folder-loader'))).toEqual([]);
  });

  it('attributes a named import through two barrels to the file that declares it', async () => {
    const analysis = await analyze({ root: getFixturePath('imports', 'barrel-attribution') });
    const fromReport = analysis.edges.filter((edge) => edge.from === 'src/report.ts').map((edge) => edge.to);
    expect(fromReport.sort()).toEqual(['src/domain/index.ts', 'src/users/user.repo.ts']);
  });

  it('attributes members of namespace and object barrels to the files that declare them', async () => {
    const analysis = await analyze({ root: getFixturePath('imports', 'object-barrel') });
    const targetsOf = (from: string) =>
      analysis.edges
        .filter((edge) => edge.from === from)
        .map((edge) => ({ to: edge.to, kinds: edge.kinds }))
        .sort((a, b) => a.to.localeCompare(b.to));
    expect({
      sdkThroughTwoObjectBarrels: targetsOf('src/api/tables.controller.ts'),
      namespaceValueAndType: targetsOf('src/api/orders.controller.ts'),
      namespaceUsedWhole: targetsOf('src/api/container.ts'),
      commonJsObjectBarrel: targetsOf('src/jobs/nightly-report.js'),
    }).toEqual({
      sdkThroughTwoObjectBarrels: [
        { to: 'src/sdk/tables/getters.ts', kinds: ['import'] },
        { to: 'src/sdk/tables/updates.ts', kinds: ['import'] },
      ],
      namespaceValueAndType: [{ to: 'src/services/orders.service.ts', kinds: ['import', 'type'] }],
      namespaceUsedWhole: [
        { to: 'src/services/index.ts', kinds: ['import'] },
        { to: 'src/services/users.service.ts', kinds: ['import'] },
      ],
      commonJsObjectBarrel: [
        { to: 'src/models/customer.js', kinds: ['require'] },
        { to: 'src/models/order.js', kinds: ['require'] },
      ],
    });
  });

  it('links an @Inject token to its provider even though nothing imports the provider', async () => {
    const analysis = await analyze({ root: getFixturePath('imports', 'nestjs-di') });
    const edge = analysis.edges.find((e) => e.from === 'src/catalog.service.ts' && e.to === 'src/redis-cache.ts');
    expect(edge?.kinds).toEqual(['di']);
  });

  it('links awilix lookups by name to the registered class, and only where awilix is a dependency', async () => {
    const root = getFixturePath('imports', 'awilix-di');
    const analysis = await analyze({ root });
    const diTargets = (from: string) => analysis.edges.filter((e) => e.from === from && e.kinds.includes('di')).map((e) => e.to).sort();
    expect(diTargets('src/routes/orders.ts')).toEqual(['src/services/order.service.ts']);
    expect(diTargets('src/app.ts')).toEqual([]);
    expect([toRegistrationName('OrderService'), toRegistrationName('HTTPClient'), toRegistrationName('S3Storage')]).toEqual([
      'orderService',
      'httpClient',
      's3Storage',
    ]);

    const withoutAwilix = copyFixtureWithoutDependency(root, 'awilix');
    const plain = await analyze({ root: withoutAwilix });
    expect(plain.edges.filter((edge) => edge.kinds.includes('di'))).toEqual([]);
  });
});

describe('Fastify decorators', () => {
  it('link a decorated name to its class or plugin, and only where fastify is a dependency', async () => {
    const root = getFixturePath('imports', 'fastify-decorators');
    const analysis = await analyze({ root });
    const diTargets = (from: string) => analysis.edges.filter((e) => e.from === from && e.kinds.includes('di')).map((e) => e.to).sort();
    expect(diTargets('src/routes/customers.ts')).toEqual(['src/db.ts', 'src/services/customer.service.ts']);
    expect(diTargets('src/app.ts')).toEqual([]);
    const plain = await analyze({ root: copyFixtureWithoutDependency(root, 'fastify') });
    expect(plain.edges.filter((edge) => edge.kinds.includes('di'))).toEqual([]);
  });
});

/** A copy of a fixture whose package.json no longer lists any package whose name contains `name`. */
function copyFixtureWithoutDependency(root: string, name: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-no-dep-'));
  fs.cpSync(root, copy, { recursive: true });
  const manifestPath = path.join(copy, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { dependencies: Record<string, string> };
  for (const dependency of Object.keys(manifest.dependencies)) if (dependency.includes(name)) delete manifest.dependencies[dependency];
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}
