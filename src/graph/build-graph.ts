import { DirectedGraph } from 'graphology';
import type { Facts } from '../extract/facts.js';
import type { AnalysisOptions, EdgeKind } from '../types.js';
import { compareStrings } from '../util/sort.js';
import { type DependencyGraph, type EdgeAttributes, type GraphResult, type NodeAttributes, toTableNode } from './dependency-graph.js';
import { findSharedKernel } from './find-shared-kernel.js';

/**
 * The one place the graph is built: a directed graph with a node per file and per table. An
 * edge carries every kind of dependency seen between its ends (a file's reads, writes and
 * declarations of a table included); its weight is the sum of the
 * configured weight of each kind, so an import that is also DI wiring counts more than a type.
 */
export function buildGraph(facts: Facts, options: AnalysisOptions): GraphResult {
  const graph: DependencyGraph = new DirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
  for (const file of facts.files) graph.addNode(file.path, { type: 'file', label: file.path, lines: file.lines });
  for (const table of facts.tables) graph.addNode(toTableNode(table.name), { type: 'table', label: table.name });

  const addEdge = (from: string, to: string, kind: EdgeKind, line: number, names: string[]) => {
    if (!graph.hasNode(from) || !graph.hasNode(to) || from === to) return;
    const existing = graph.hasDirectedEdge(from, to) ? graph.getDirectedEdgeAttributes(from, to) : null;
    if (!existing) {
      graph.addDirectedEdgeWithKey(`${from}->${to}`, from, to, { kinds: [kind], weight: options.weights[kind], line, names: [...names] });
      return;
    }
    if (!existing.kinds.includes(kind)) {
      existing.kinds.push(kind);
      existing.kinds.sort(compareStrings);
      existing.weight += options.weights[kind];
    }
    existing.line = Math.min(existing.line, line);
    for (const name of names) if (!existing.names.includes(name)) existing.names.push(name);
  };

  const dependencies = [...facts.dependencies].sort(
    (a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || a.line - b.line,
  );
  for (const dependency of dependencies) addEdge(dependency.from, dependency.to, dependency.kind, dependency.line, dependency.names);
  const accesses = [...facts.accesses].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
  for (const access of accesses) addEdge(access.file, toTableNode(access.table), access.access, access.line, []);
  // A model file that nothing imports (`mongoose.model('User')` looked up by name, an
  // EntitySchema found by its name) is tied to its data by declaring it.
  for (const table of facts.tables) {
    for (const location of table.declaredIn) addEdge(location.file, toTableNode(table.name), 'declare', location.line, []);
  }
  graph.forEachEdge((_edge, attributes) => {
    attributes.names.sort(compareStrings);
  });
  return { graph, sharedKernel: findSharedKernel(graph, options) };
}
