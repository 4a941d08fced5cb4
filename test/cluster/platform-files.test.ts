import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { ClusteringGraph } from '../../src/cluster/build-clustering-graph.js';
import { findPlatformFiles } from '../../src/cluster/find-platform-files.js';
import { readExpected } from '../helpers/read-expected.js';
import { getFixturePath } from '../helpers/fixture-path.js';

/** A projection whose communities are given: each group of nodes is one community, tables as `table:x`. */
function clustered(groups: string[][]): { projection: ClusteringGraph; communities: Map<string, number> } {
  const projection: ClusteringGraph = new UndirectedGraph({ allowSelfLoops: false });
  const communities = new Map<string, number>();
  groups.forEach((nodes, community) => {
    for (const node of nodes) {
      projection.addNode(node, { type: node.startsWith('table:') ? 'table' : 'file' });
      communities.set(node, community);
    }
    for (let index = 1; index < nodes.length; index++) projection.addEdge(nodes[0]!, nodes[index]!, { weight: 1 });
  });
  return { projection, communities };
}

const business = (name: string) => [`src/${name}/${name}.service.ts`, `src/${name}/${name}.controller.ts`, `src/${name}/${name}.entity.ts`, `table:${name}s`];
const bigBusiness = (name: string) => [...business(name), `src/${name}/${name}-item.entity.ts`, `src/${name}/${name}.module.ts`, `src/${name}/${name}.dto.ts`];

describe('platform files', () => {
  it('set aside a cluster of plumbing (common/, database/, the entry point) that holds no table', () => {
    const platform = ['src/main.ts', 'src/app.module.ts', 'src/common/filters/all-exceptions.filter.ts', 'src/database/data-source.ts', 'src/database/database.module.ts'];
    const { projection, communities } = clustered([bigBusiness('order'), bigBusiness('invoice'), bigBusiness('customer'), bigBusiness('product'), platform]);
    const found = findPlatformFiles(projection, communities, [], () => false, new Set());
    expect(found.map((entry) => entry.path)).toEqual([...platform].sort());
    expect(found.find((entry) => entry.path === 'src/database/data-source.ts')?.reason).toBe(
      'platform code (database/): clustered apart from the services, with no tables',
    );
    expect(found.find((entry) => entry.path === 'src/main.ts')?.reason).toContain('(entry point)');
  });

  it('keep a cluster that holds a table, has one business file, or is pinned; and never take a fifth of the project', () => {
    const withTable = ['src/db/migrations-runner.ts', 'src/db/settings.store.ts', 'table:settings'];
    const withBusiness = ['src/config/database.config.ts', 'src/config/payment/stripe.config.ts', 'src/common/logger.ts'];
    const pinned = ['src/infra/queue.ts', 'src/infra/queue.module.ts'];
    const services = ['order', 'invoice', 'customer', 'product'].map(bigBusiness);
    const { projection, communities } = clustered([...services, withTable, withBusiness, pinned]);
    expect(findPlatformFiles(projection, communities, [], (path) => path.startsWith('src/infra/'), new Set())).toEqual([]);
    const large = ['src/common/a.ts', 'src/common/b.ts', 'src/common/c.ts', 'src/common/d.ts', 'src/common/e.ts', 'src/common/f.ts'];
    const small = clustered([business('order'), business('invoice'), large]);
    expect(findPlatformFiles(small.projection, small.communities, [], () => false, new Set())).toEqual([]);
    // Smallest first: the logging cluster fits under the cap, the large common/ one does not.
    const logging = ['src/logging/logger.ts', 'src/logging/request-logger.ts'];
    const both = clustered([...services, large, logging]);
    expect(findPlatformFiles(both.projection, both.communities, [], () => false, new Set()).map((entry) => entry.path)).toEqual(logging);
  });

  it("keep the files the user keeps out of the kernel, and leave out files already found spanning services", () => {
    const platform = ['src/main.ts', 'src/config/configuration.ts', 'src/utils/dates.ts'];
    const { projection, communities } = clustered([bigBusiness('order'), bigBusiness('invoice'), bigBusiness('customer'), platform]);
    const found = findPlatformFiles(projection, communities, [], () => false, new Set(), ['src/utils/**']);
    expect(found.map((entry) => entry.path)).toEqual(['src/config/configuration.ts', 'src/main.ts']);
    // A spanning file is no member of its cluster: the rest of the cluster still counts.
    const withSpanning = clustered([bigBusiness('order'), bigBusiness('invoice'), bigBusiness('customer'), [...platform, 'src/orders/order-router.ts']]);
    const spanning = new Set(['src/orders/order-router.ts']);
    expect(findPlatformFiles(withSpanning.projection, withSpanning.communities, [], () => false, spanning).map((entry) => entry.path)).toEqual([...platform].sort());
  });

  it('leave the bundled NestJS monolith with its five contexts, its common/ and database/ code shared', async () => {
    const root = getFixturePath('monoliths', 'nestjs-typeorm');
    const analysis = await analyze({ root, workers: false });
    expect(analysis.services).toHaveLength(Object.keys(readExpected(root).split ?? {}).length);
    const platform = analysis.files.filter((file) => /^src\/(common|database)\/|^src\/main\.ts$/.test(file.path));
    expect(platform.length).toBeGreaterThan(10);
    expect(platform.filter((file) => file.service !== null).map((file) => file.path)).toEqual([]);
    // A spanning file's reason counts the services a reader sees, not the first clustering's clusters.
    expect(analysis.sharedKernel.find((entry) => entry.path === 'src/app.module.ts')?.reason).toBe(
      `composition root: imports files of ${analysis.services.length} candidate services`,
    );
  });
});
