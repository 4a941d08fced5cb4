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
    const jobs = ['artist', 'booking', 'budget', 'invoice', 'loyalty-member', 'member-card'].map((entity) => `src/jobs/${entity}-sync.job.ts`);
    const db = ['users', 'orders', 'invoices'].map((entity) => `src/db/${entity}.repo.ts`);
    const tasks = ['order', 'user', 'invoice', 'payment'].map((entity) => `src/tasks/sync-${entity}.ts`);
    expect(tiedFolders([...layered, ...jobs, ...db, ...tasks])).toEqual({});
  });

  it('leave a large folder of one file per entity alone, though compound entity names repeat first words', () => {
    // Vendure's event-bus: 14 of 24 first words repeat (product-*, order-*, customer-*), yet no topic leads.
    const entities = ['product', 'product-variant', 'product-option', 'product-option-group', 'product-channel', 'order', 'order-line', 'order-placed', 'customer', 'customer-group', 'customer-address', 'tax-rate', 'tax-category', 'zone', 'zone-members', 'role', 'role-change', 'seller', 'channel', 'collection', 'asset', 'facet', 'facet-value', 'promotion'];
    const events = entities.map((entity) => `src/event-bus/events/${entity}-event.ts`);
    const module = ['src/catalog/product.service.ts', 'src/catalog/product.resolver.ts', 'src/catalog/product-variant.entity.ts', 'src/catalog/facet.entity.ts', 'src/catalog/facet.service.ts', 'src/catalog/collection.entity.ts'];
    expect(tiedFolders([...events, ...module])).toEqual({ 'folder:src/catalog': [...module].sort() });
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

