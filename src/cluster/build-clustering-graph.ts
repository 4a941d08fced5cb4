import { UndirectedGraph } from 'graphology';
import type { DependencyGraph } from '../graph/dependency-graph.js';
import { addFolderAffinity } from './add-folder-affinity.js';
import { addNameAffinity } from './add-name-affinity.js';

export type ClusteringGraph = UndirectedGraph<{ type: string }, { weight: number }>;

/**
 * The undirected projection clustering works on: shared-kernel files and state nodes removed
 * (they would glue everything), the weights of a→b and b→a added up. Nodes are inserted in
 * sorted order because Louvain's result depends on iteration order.
 *
 * An edge a→b is damped by the number of dependents of b: w' = w / √(in-degree(b)). Like
 * inverse document frequency, depending on a file that many others also depend on (an auth
 * middleware, a popular table) says less about where a file belongs than depending on a file
 * that only it and its neighbours use, and it keeps moderate hubs from gluing services.
 */
export function buildClusteringGraph(
  graph: DependencyGraph,
  kernel: Set<string>,
  weights: { name: number; folder: number },
  packageFolders: readonly string[] = [],
): ClusteringGraph {
  const { name: nameWeight, folder: folderWeight } = weights;
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
    const weight =
      graph.getEdgeAttribute(edge, 'weight') / Math.sqrt(Math.max(1, graph.inDegree(target)) * Math.max(1, graph.outDegree(source)));
    if (weight <= 0) continue;
    if (projection.hasEdge(source, target)) {
      projection.updateEdgeAttribute(source, target, 'weight', (current) => (current ?? 0) + weight);
    } else {
      projection.addEdge(source, target, { weight });
    }
  }
  addNameAffinity(projection, nameWeight, packageFolders);
  addFolderAffinity(projection, folderWeight, packageFolders);
  // A node without edges would still consume Louvain's random draws and so move other files;
  // such files are placed by their folder afterwards instead.
  for (const node of projection.nodes()) if (projection.degree(node) === 0) projection.dropNode(node);
  return projection;
}
