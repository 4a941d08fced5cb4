import type { ClusteringGraph } from './build-clustering-graph.js';

/**
 * Merges pairs of communities that depend on each other almost as much as on themselves:
 * services that would have to call each other for most of what they do are one service
 * (a "chatty" split is the classic microservice anti-pattern). Two communities merge when
 *
 *   w(A,B) ≥ ratio · min(w(A), w(B))
 *
 * where w(A) is the edge weight inside A and w(A,B) the weight between them; the strongest
 * such pair merges first, and the check repeats until no pair qualifies.
 */
export function mergeChattyCommunities(
  graph: ClusteringGraph,
  communities: Map<string, number>,
  ratio: number,
): Map<string, number> {
  const result = new Map(communities);
  if (ratio <= 0) return result;
  for (;;) {
    const inside = new Map<number, number>();
    const between = new Map<string, number>();
    graph.forEachEdge((_edge, attributes, source, target) => {
      const a = result.get(source) ?? -1;
      const b = result.get(target) ?? -1;
      if (a < 0 || b < 0) return;
      if (a === b) inside.set(a, (inside.get(a) ?? 0) + attributes.weight);
      else {
        const key = a < b ? `${a}:${b}` : `${b}:${a}`;
        between.set(key, (between.get(key) ?? 0) + attributes.weight);
      }
    });
    let best: { a: number; b: number; score: number } | null = null;
    for (const [key, weight] of between) {
      const [a, b] = key.split(':').map(Number) as [number, number];
      const smaller = Math.min(inside.get(a) ?? 0, inside.get(b) ?? 0);
      const score = smaller > 0 ? weight / smaller : Number.POSITIVE_INFINITY;
      if (score >= ratio && (!best || score > best.score || (score === best.score && key < `${best.a}:${best.b}`))) {
        best = { a, b, score };
      }
    }
    if (!best) return result;
    for (const [node, community] of result) if (community === best.b) result.set(node, best.a);
  }
}
