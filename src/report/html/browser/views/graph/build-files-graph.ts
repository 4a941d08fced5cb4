import Graph from 'graphology';
import { COLORS, getGroupColor } from '../../colors.js';
import { getBaseName, getMax } from '../../format.js';
import type { ReportIndex } from '../../report-index.js';
import type { EdgeAttributes, NodeAttributes, ReportGraph } from './graph-types.js';

/** Above this many dependencies the map leaves out those inside a group: they would hide the picture and slow it down; a group's own view shows them. */
export const MAX_MAP_EDGES = 20_000;

/** Every file at its computed position, coloured by service, with the dependencies between services (and, on smaller projects, all of them): the whole map. */
export function buildFilesGraph(index: ReportIndex): ReportGraph {
  const { analysis, layout } = index;
  const graph: ReportGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'directed', multi: true, allowSelfLoops: false });
  const mostUsed = getMax(analysis.files, (file) => file.fanIn, 1);
  const scale = Math.max(0.35, Math.min(1, Math.sqrt(2000 / Math.max(1, analysis.files.length))));
  analysis.files.forEach((file, position) => {
    graph.addNode(`f${position}`, {
      x: layout.files[2 * position] ?? 0,
      y: layout.files[2 * position + 1] ?? 0,
      size: 1 + (1 + 4 * Math.sqrt(file.fanIn / mostUsed)) * scale,
      color: getGroupColor(index.groupOf[position]!),
      label: getBaseName(file.path),
      kind: 'file',
      ref: position,
      name: file.path,
    });
  });
  const showInner = analysis.edges.length <= MAX_MAP_EDGES;
  analysis.edges.forEach((edge, position) => {
    const from = index.fileIndex.get(edge.from);
    const to = index.fileIndex.get(edge.to);
    if (from === undefined || to === undefined || from === to) return;
    // Edges into the shared kernel are expected everywhere; only service-to-service edges are drawn as crossings.
    const fromGroup = index.groupOf[from]!;
    const toGroup = index.groupOf[to]!;
    const crossing = fromGroup !== toGroup && typeof fromGroup === 'number' && typeof toGroup === 'number';
    if (!crossing && !showInner) return;
    graph.addDirectedEdgeWithKey(`e${position}`, `f${from}`, `f${to}`, {
      size: crossing ? 0.7 : 0.5,
      color: crossing ? COLORS.outgoing : COLORS.inner,
      type: 'line',
      kind: crossing ? 'outgoing' : 'inner',
      ref: position,
    });
  });
  return graph;
}
