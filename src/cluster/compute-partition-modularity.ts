import type { ClusteringGraph } from './build-clustering-graph.js';

/**
 * Newman–Girvan modularity at resolution 1 of a partition of the clustering graph (Newman,
 * "Modularity and community structure in networks", PNAS 2006):
 *
 *   Q = Σ_c [ L_c / m − (d_c / 2m)² ]
 *
 * Louvain reports modularity at the resolution it ran with, so its figures for different
 * resolutions cannot be compared; this one can. Nodes with community -1 are left out.
 */
export function computePartitionModularity(graph: ClusteringGraph, communities: Map<string, number>): number {
  let total = 0;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    const a = communities.get(source) ?? -1;
    const b = communities.get(target) ?? -1;
    if (a < 0 || b < 0) return;
    const weight = attributes.weight;
    total += weight;
    degree.set(a, (degree.get(a) ?? 0) + weight);
    degree.set(b, (degree.get(b) ?? 0) + weight);
    if (a === b) inside.set(a, (inside.get(a) ?? 0) + weight);
  });
  if (total === 0) return 0;
  let q = 0;
  for (const [community, d] of degree) q += (inside.get(community) ?? 0) / total - (d / (2 * total)) ** 2;
  return q;
}
