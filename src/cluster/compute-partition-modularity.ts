import { computeModularity } from '../graph/compute-modularity.js';
import type { ClusteringGraph } from './build-clustering-graph.js';

/**
 * Modularity at resolution 1 of a partition of the clustering graph. Louvain reports
 * modularity at the resolution it ran with, so its figures for different resolutions cannot be
 * compared; this one can. Nodes with community -1 are left out.
 */
export function computePartitionModularity(graph: ClusteringGraph, communities: Map<string, number>): number {
  const edges: { source: string; target: string; weight: number }[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    edges.push({ source, target, weight: attributes.weight });
  });
  return computeModularity(edges, (node) => {
    const community = communities.get(node) ?? -1;
    return community < 0 ? null : String(community);
  });
}
