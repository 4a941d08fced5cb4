import type { ClusteringGraph } from './build-clustering-graph.js';

/**
 * Folds communities with fewer than `minSize` files into the community they share the most
 * edge weight with: Louvain happily returns a pair of files as a "service", which no team
 * would carve out. A small community connected to nothing is released (its files return with
 * community -1) so that the caller can place them by other evidence.
 */
export function mergeSmallCommunities(
  graph: ClusteringGraph,
  communities: Map<string, number>,
  minSize: number,
): Map<string, number> {
  const result = new Map(communities);
  const isFile = (node: string) => graph.getNodeAttribute(node, 'type') === 'file';
  const members = new Map<number, string[]>();
  for (const [node, community] of result) {
    const list = members.get(community) ?? [];
    list.push(node);
    members.set(community, list);
  }
  const fileCount = (community: number) => (members.get(community) ?? []).filter(isFile).length;

  for (;;) {
    let smallest: number | null = null;
    for (const [community, nodes] of members) {
      const size = nodes.filter(isFile).length;
      if (size === 0 || size >= minSize) continue;
      if (smallest === null || size < fileCount(smallest) || (size === fileCount(smallest) && community < smallest)) {
        smallest = community;
      }
    }
    if (smallest === null) break;
    const nodes = members.get(smallest)!;
    const weights = new Map<number, number>();
    for (const node of nodes) {
      graph.forEachEdge(node, (_edge, attributes, source, target) => {
        const other = source === node ? target : source;
        const community = result.get(other);
        if (community === undefined || community === smallest) return;
        weights.set(community, (weights.get(community) ?? 0) + attributes.weight);
      });
    }
    let best: number | null = null;
    for (const [community, weight] of weights) {
      const bestWeight = best === null ? -1 : weights.get(best)!;
      if (weight > bestWeight || (weight === bestWeight && best !== null && community < best)) best = community;
    }
    members.delete(smallest);
    if (best === null) {
      for (const node of nodes) result.set(node, -1);
      continue;
    }
    for (const node of nodes) result.set(node, best);
    members.get(best)!.push(...nodes);
  }
  return result;
}
