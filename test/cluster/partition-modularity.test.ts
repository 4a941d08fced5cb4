import { UndirectedGraph } from 'graphology';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import { describe, expect, it } from 'vitest';
import type { ClusteringGraph } from '../../src/cluster/build-clustering-graph.js';
import { computePartitionModularity } from '../../src/cluster/compute-partition-modularity.js';

const graphologyModularity = ((modularityModule as unknown as { default?: unknown }).default ?? modularityModule) as (
  graph: UndirectedGraph,
  options?: { getNodeCommunity?: (node: string) => number; getEdgeWeight?: string },
) => number;

describe('modularity of a partition on the --services curve', () => {
  const graph: ClusteringGraph = new UndirectedGraph();
  for (const node of ['cart', 'checkout', 'order', 'invoice', 'refund', 'ledger']) graph.addNode(node, { type: 'file' });
  const edges: [string, string, number][] = [
    ['cart', 'checkout', 2],
    ['checkout', 'order', 1],
    ['cart', 'order', 0.7],
    ['invoice', 'refund', 1],
    ['refund', 'ledger', 1.5],
    ['invoice', 'ledger', 0.3],
    ['order', 'invoice', 0.5],
  ];
  for (const [a, b, weight] of edges) graph.addEdge(a, b, { weight });
  const communities = new Map([
    ['cart', 0],
    ['checkout', 0],
    ['order', 0],
    ['invoice', 1],
    ['refund', 1],
    ['ledger', 1],
  ]);

  it('is the resolution-1 modularity that graphology-metrics computes', () => {
    const expected = graphologyModularity(graph as unknown as UndirectedGraph, {
      getNodeCommunity: (node) => communities.get(node)!,
      getEdgeWeight: 'weight',
    });
    expect(computePartitionModularity(graph, communities)).toBeCloseTo(expected, 10);
  });

  it('leaves unplaced nodes out', () => {
    const withUnplaced = new Map(communities).set('ledger', -1);
    // m = 7 − 1.5 − 0.3 = 5.2; orders: L 3.7, d 7.9; billing: L 1, d 2.5
    const expected = 3.7 / 5.2 - (7.9 / 10.4) ** 2 + 1 / 5.2 - (2.5 / 10.4) ** 2;
    expect(computePartitionModularity(graph, withUnplaced)).toBeCloseTo(expected, 10);
  });
});
