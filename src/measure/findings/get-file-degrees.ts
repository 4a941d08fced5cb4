import type { DependencyGraph } from '../../graph/dependency-graph.js';

export interface FileDegree {
  file: string;
  fanIn: number;
  fanOut: number;
  lines: number;
}

/** Distinct files that depend on each file (fan-in) and that it depends on (fan-out). */
export function getFileDegrees(graph: DependencyGraph): FileDegree[] {
  const isFile = (node: string) => graph.getNodeAttribute(node, 'type') === 'file';
  return graph
    .filterNodes((_node, attributes) => attributes.type === 'file')
    .sort()
    .map((file) => ({
      file,
      fanIn: graph.inNeighbors(file).filter(isFile).length,
      fanOut: graph.outNeighbors(file).filter(isFile).length,
      lines: graph.getNodeAttribute(file, 'lines') ?? 0,
    }));
}

/** The value below which `share` of the values fall (nearest rank); 0 for no values. */
export function getPercentile(values: number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}
