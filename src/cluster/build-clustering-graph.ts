import { UndirectedGraph } from 'graphology';
import type { DependencyGraph } from '../graph/dependency-graph.js';

export type ClusteringGraph = UndirectedGraph<{ type: string }, { weight: number }>;

/**
 * The undirected projection clustering works on: shared-kernel files and state nodes removed
 * (they would glue everything), the weights of a→b and b→a added up. Nodes are inserted in
 * sorted order because Louvain's result depends on iteration order.
 */
export function buildClusteringGraph(graph: DependencyGraph, kernel: Set<string>): ClusteringGraph {
  const projection: ClusteringGraph = new UndirectedGraph({ allowSelfLoops: false });
  const nodes = graph
    .filterNodes((node, attributes) => attributes.type !== 'state' && !kernel.has(node))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const node of nodes) projection.addNode(node, { type: graph.getNodeAttribute(node, 'type') });
  const edges = graph.edges().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const edge of edges) {
    const source = graph.source(edge);
    const target = graph.target(edge);
    if (!projection.hasNode(source) || !projection.hasNode(target)) continue;
    const weight = graph.getEdgeAttribute(edge, 'weight');
    if (weight <= 0) continue;
    if (projection.hasEdge(source, target)) {
      projection.updateEdgeAttribute(source, target, 'weight', (current) => (current ?? 0) + weight);
    } else {
      projection.addEdge(source, target, { weight });
    }
  }
  return projection;
}
