import type { Decomposition } from '../cluster/decomposition.js';
import type { Facts } from '../extract/facts.js';
import type { DependencyGraph } from '../graph/dependency-graph.js';
import type { AnalysisOptions } from '../types.js';

/** Everything a metric or a finding may read: pure data from the earlier stages. */
export interface MeasureInput {
  facts: Facts;
  graph: DependencyGraph;
  decomposition: Decomposition;
  options: AnalysisOptions;
}

/** A file-to-file dependency with the services at both ends (null for shared or unassigned). */
export interface ServiceEdge {
  from: string;
  to: string;
  fromService: string | null;
  toService: string | null;
  kinds: string[];
  weight: number;
  line: number;
  names: string[];
}

export function getFileEdges(input: MeasureInput): ServiceEdge[] {
  const { graph, decomposition } = input;
  const edges: ServiceEdge[] = [];
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (sourceAttributes.type !== 'file' || targetAttributes.type !== 'file') return;
    edges.push({
      from: source,
      to: target,
      fromService: decomposition.assignments.get(source)?.service ?? null,
      toService: decomposition.assignments.get(target)?.service ?? null,
      kinds: attributes.kinds,
      weight: attributes.weight,
      line: attributes.line,
      names: attributes.names,
    });
  });
  return edges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}
