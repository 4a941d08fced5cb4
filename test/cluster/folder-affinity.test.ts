import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { addFolderAffinity } from '../../src/cluster/add-folder-affinity.js';
import type { ClusteringGraph } from '../../src/cluster/build-clustering-graph.js';

function projectionOf(files: string[]): ClusteringGraph {
  const graph: ClusteringGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const file of files) graph.addNode(file, { type: 'file' });
  return graph;
}

function tiedFolders(files: string[], weight = 1, packageFolders: string[] = []): Record<string, string[]> {
  const graph = projectionOf(files);
  addFolderAffinity(graph, weight, packageFolders);
  const tied: Record<string, string[]> = {};
  graph.forEachNode((node, attributes) => {
    if (attributes.type === 'folder') tied[node] = graph.neighbors(node).sort();
  });
  return tied;
}

describe('folder ties', () => {
  it('tie the files of a module folder, found at any depth below layer folders, to one folder node', () => {
    const files = [
      'src/modules/ordering/services/order.service.ts',
      'src/modules/ordering/controllers/order.controller.ts',
      'src/modules/ordering/entities/order-item.entity.ts',
      'lib/features/playground/playground-service.ts',
      'lib/features/playground/playground-view-model.ts',
      'lib/features/playground/advanced-playground.ts',
    ];
    expect(tiedFolders(files)).toEqual({
      'folder:lib/features/playground': files.slice(3).sort(),
      'folder:src/modules/ordering': files.slice(0, 3).sort(),
    });
  });

  it('leave layer folders alone: named as layers, or holding one file per entity under any name', () => {
    const layered = ['src/services/order.service.ts', 'src/services/user.service.ts', 'src/controllers/order.controller.ts', 'src/controllers/user.controller.ts'];
    const entities = ['artist', 'booking', 'budget', 'invoice', 'loyalty-member', 'member-card', 'user', 'order', 'payment'];
    const models = entities.map((entity) => `src/models/${entity}.model.ts`);
    const jobs = entities.slice(0, 6).map((entity) => `src/jobs/${entity}-sync.job.ts`);
    const db = ['users', 'orders', 'invoices'].map((entity) => `src/db/${entity}.repo.ts`);
    const tasks = ['order', 'user', 'invoice', 'payment'].map((entity) => `src/tasks/sync-${entity}.ts`);
    expect(tiedFolders([...layered, ...models, ...jobs, ...db, ...tasks])).toEqual({});
  });

  it('leave a large folder of one file per entity alone, though compound entity names repeat first words', () => {
    // Vendure's event-bus: 14 of 24 first words repeat (product-*, order-*, customer-*), yet no topic leads.
    const entities = ['product', 'product-variant', 'product-option', 'product-option-group', 'product-channel', 'order', 'order-line', 'order-placed', 'customer', 'customer-group', 'customer-address', 'tax-rate', 'tax-category', 'zone', 'zone-members', 'role', 'role-change', 'seller', 'channel', 'collection', 'asset', 'facet', 'facet-value', 'promotion'];
    const events = entities.map((entity) => `src/event-bus/events/${entity}-event.ts`);
    const module = ['src/catalog/product.service.ts', 'src/catalog/product.resolver.ts', 'src/catalog/product-variant.entity.ts', 'src/catalog/facet.entity.ts', 'src/catalog/facet.service.ts', 'src/catalog/collection.entity.ts'];
    expect(tiedFolders([...events, ...module])).toEqual({ 'folder:src/catalog': [...module].sort() });
  });

  it('tie a module of several entities, each file named for its own, when no file outside it is named for them', () => {
    const billing = ['invoice.service', 'ledger.entity', 'refund.service', 'payout.controller', 'dunning.job', 'tax-rate.entity'].map(
      (name) => `src/modules/billing/${name}.ts`,
    );
    // The same entities behind layer folders are a layer: every entity recurs in the next layer.
    const layered = ['invoice', 'ledger', 'refund', 'payout'].flatMap((entity) => [`src/controllers/${entity}.controller.ts`, `src/jobs/${entity}-export.ts`]);
    const others = ['user.service', 'user.controller', 'order.service', 'order.controller', 'cart.service', 'stock.service'].map((name) => `src/${name}.ts`);
    expect(tiedFolders([...billing, ...others])).toEqual({ 'folder:src/modules/billing': [...billing].sort() });
    expect(tiedFolders([...layered, ...others])).toEqual({});
  });

  it('tie a file to its feature folder and to the module folder above it', () => {
    const invoices = ['invoice.service', 'invoice.controller', 'invoice-line.entity'].map((name) => `src/modules/billing/invoices/${name}.ts`);
    const payouts = ['payout.service', 'payout-batch.entity'].map((name) => `src/modules/billing/payouts/${name}.ts`);
    const others = ['user.service', 'user.controller', 'order.service', 'order.controller', 'cart.service', 'stock.service', 'stock.controller'].map((name) => `src/modules/shop/${name}.ts`);
    const tied = tiedFolders([...invoices, ...payouts, ...others]);
    expect(tied['folder:src/modules/billing']).toEqual([...invoices, ...payouts].sort());
    expect(tied['folder:src/modules/billing/invoices']).toEqual([...invoices].sort());
    expect(tied['folder:src/modules/billing/payouts']).toEqual([...payouts].sort());
  });

  it('leave a folder of route folders alone when their names recur outside it, while each route folder is tied', () => {
    const domains = ['orders', 'products', 'customers', 'regions'];
    const admin = domains.flatMap((domain) => ['route', 'validators', 'query-config'].map((name) => `src/api/admin/${domain}/${name}.ts`));
    const layers = domains.flatMap((domain) => [`src/services/${domain.slice(0, -1)}.service.ts`, `src/store/${domain}/route.ts`]);
    const tied = tiedFolders([...admin, ...layers]);
    expect(tied['folder:src/api/admin']).toBeUndefined();
    expect(Object.keys(tied).filter((folder) => folder.startsWith('folder:src/api/admin/'))).toHaveLength(4);
  });

  it('tie the namesake domain folders of several layers to one node, but not an audience folder that repeats the layers\' names', () => {
    const areas = { billing: ['invoice', 'refund', 'payout'], catalog: ['product', 'category', 'price'] };
    const files = Object.entries(areas).map(([area, entities]) =>
      entities.flatMap((entity) => [
        `src/controllers/${area}/${entity}.controller.ts`,
        `src/services/${area}/${entity}.service.ts`,
        `src/models/${area}/${entity}.model.ts`,
        `src/jobs/${area}/${entity}-sync.job.ts`,
      ]).concat(['controllers', 'services', 'models', 'jobs'].map((layer) => `src/${layer}/${area}/index.ts`)),
    );
    const admin = ['src/controllers/admin/product.controller.ts', 'src/controllers/admin/invoice.controller.ts', 'src/controllers/admin/user.controller.ts', 'src/services/admin/product.service.ts', 'src/services/admin/invoice.service.ts'];
    const tied = tiedFolders([...files.flat(), ...admin, 'src/services/user.service.ts']);
    expect(Object.values(tied).sort()).toEqual(files.map((area) => [...area].sort()));
    // `jobs/` holds a folder per domain, and those names recur in every layer: a layer, no module.
    expect(tied['folder:src/jobs']).toBeUndefined();
    // Files named for nothing (`index.ts`) count neither way, however many there are.
    const vouchers = ['controllers', 'services', 'models'].flatMap((layer) => [`src/${layer}/vouchers/voucher.${layer}.ts`, `src/${layer}/vouchers/index.ts`]);
    expect(Object.values(tiedFolders([...files.flat(), ...vouchers]))).toContainEqual([...vouchers].sort());
    // Layer folders at the root of a JavaScript project, without src/, are layers all the same.
    const atRoot = files.map((area) => area.map((file) => file.replace(/^src\//, '')));
    expect(Object.values(tiedFolders(atRoot.flat())).sort()).toEqual(atRoot.map((area) => [...area].sort()));
    // The two sides of a full-stack repository name their folders alike without being one module.
    const sides = ['server/src/users/user.service.ts', 'server/src/users/user-avatar.service.ts', 'client/src/users/user-list.tsx', 'client/src/users/user-card.tsx'];
    expect(Object.keys(tiedFolders(sides)).sort()).toEqual(['folder:client/src/users', 'folder:server/src/users']);
    // A folder of domain folders is an area of many modules (`api/admin/` with a folder per
    // resource), not a domain's share of its layer: it is joined with no namesake.
    const resources = ['currencies', 'notes', 'invites', 'uploads', 'batch-jobs'];
    const adminArea = [...resources.flatMap((resource) => [`src/api/admin/${resource}/create-${resource}.ts`, `src/api/admin/${resource}/list-${resource}.ts`]), 'src/middlewares/admin/require-admin.ts', 'src/middlewares/admin/admin-audit.ts'];
    const areaTies = tiedFolders(adminArea);
    expect(Object.values(areaTies).filter((members) => members.includes('src/middlewares/admin/require-admin.ts') && members.includes('src/api/admin/notes/create-notes.ts'))).toEqual([]);
    // Nor do two apps of one repository: whatever is above their source root tells them apart.
    const apps = ['api/src/users/user.service.ts', 'api/src/users/user-avatar.service.ts', 'worker/src/users/user-sync.job.ts', 'worker/src/users/user-purge.job.ts'];
    expect(Object.keys(tiedFolders(apps)).sort()).toEqual(['folder:api/src/users', 'folder:worker/src/users']);
  });

  it('take a folder that holds most of its package for the package, not a module; and judge names per package', () => {
    const flat = ['invoice.service', 'ledger.service', 'refund.service', 'payout.service', 'user.service'].map((name) => `src/backend/${name}.ts`);
    expect(tiedFolders([...flat, 'src/main.ts'])).toEqual({});
    // The worker names its jobs for the api's entities; the api's billing module still owns them.
    const billing = ['invoice.service', 'ledger.service', 'refund.service'].map((name) => `apps/api/src/billing/${name}.ts`);
    const api = Array.from({ length: 60 }, (_, index) => `apps/api/src/routes/route-${index}.ts`);
    const worker = Array.from({ length: 61 }, (_, index) => `apps/worker/src/jobs/${['invoice', 'ledger', 'refund'][index % 3]}-job-${index}.ts`);
    const tied = tiedFolders([...billing, ...api, ...worker], 1, ['apps/api', 'apps/worker']);
    expect(tied['folder:apps/api/src/billing']).toEqual([...billing].sort());
  });

  it('add nothing at weight 0, and nothing for a folder of one file', () => {
    expect(tiedFolders(['src/modules/ordering/order.service.ts', 'src/modules/ordering/order.controller.ts'], 0)).toEqual({});
    expect(tiedFolders(['src/modules/billing/invoice.service.ts'])).toEqual({});
  });

  it('tie a small workspace package whole, whatever its folders are called, and leave a large one to its folders', () => {
    const worker = ['apps/worker/src/main.ts', 'apps/worker/src/queue.ts', 'apps/worker/src/jobs/send-receipt.ts', 'apps/worker/src/lib/mailer.ts'];
    const api = Array.from({ length: 61 }, (_, index) => `apps/api/src/modules/${index < 30 ? 'ordering/order' : 'billing/invoice'}-${index}.service.ts`);
    const tied = tiedFolders([...worker, ...api], 1, ['apps/worker', 'apps/api', 'packages/unused']);
    expect(tied['folder:apps/worker']).toEqual([...worker].sort());
    expect(tied['folder:apps/api']).toBeUndefined();
    expect(Object.keys(tied).sort()).toEqual(['folder:apps/api/src/modules/billing', 'folder:apps/api/src/modules/ordering', 'folder:apps/worker']);
  });
});

