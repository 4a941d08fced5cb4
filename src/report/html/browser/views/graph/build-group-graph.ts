import Graph from 'graphology';
import { COLORS, getGroupColor } from '../../colors.js';
import { getBaseName, getMax } from '../../format.js';
import { type GroupKey, getGroupDisc, getGroupFiles, getGroupName, type ReportIndex } from '../../report-index.js';
import type { EdgeAttributes, NodeAttributes, ReportGraph } from './graph-types.js';

/** Spacing of neighbour files on the ring, in layout units (files inside a disc sit about 1 apart). */
const RING_SPACING = 1.6;

/**
 * One group's files at their computed positions, the dependencies among them, and every
 * dependency that crosses the group's border: the file on the other side is placed on a ring
 * around the disc, in the direction of its own group (an O(n log n) placement, not a layout).
 */
export function buildGroupGraph(index: ReportIndex, group: GroupKey): ReportGraph {
  const { analysis, layout } = index;
  const graph: ReportGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'directed', multi: true, allowSelfLoops: false });
  const inner = getGroupFiles(index, group);
  const insideSet = new Set(inner);
  const color = getGroupColor(group);
  const mostUsed = getMax(inner, (file) => analysis.files[file]!.fanIn, 1);
  // Nodes are sized in pixels while the view fits the group: shrink them as the group grows so a big service is not one blot.
  const scale = Math.max(0.3, Math.min(1, Math.sqrt(200 / Math.max(1, inner.length))));
  for (const file of inner) {
    const entry = analysis.files[file]!;
    graph.addNode(`f${file}`, {
      x: layout.files[2 * file] ?? 0,
      y: layout.files[2 * file + 1] ?? 0,
      size: 1 + (2 + 6 * Math.sqrt(entry.fanIn / mostUsed)) * scale,
      color,
      label: getBaseName(entry.path),
      kind: 'file',
      ref: file,
      name: entry.path,
    });
  }
  const outsideFiles = new Set<number>();
  const edges: { edge: number; from: number; to: number; kind: 'inner' | 'outgoing' | 'incoming' }[] = [];
  const seen = new Set<number>();
  for (const file of inner) {
    for (const edge of index.edgesOf[file] ?? []) {
      if (seen.has(edge)) continue;
      seen.add(edge);
      const entry = analysis.edges[edge]!;
      const from = index.fileIndex.get(entry.from);
      const to = index.fileIndex.get(entry.to);
      if (from === undefined || to === undefined || from === to) continue;
      const fromInside = insideSet.has(from);
      const toInside = insideSet.has(to);
      if (!fromInside) outsideFiles.add(from);
      if (!toInside) outsideFiles.add(to);
      edges.push({ edge, from, to, kind: fromInside && toInside ? 'inner' : fromInside ? 'outgoing' : 'incoming' });
    }
  }
  placeOnRing(index, group, [...outsideFiles], (file, x, y) => {
    const entry = analysis.files[file]!;
    const owner = index.groupOf[file]!;
    graph.addNode(`f${file}`, {
      x,
      y,
      size: 1 + 2 * scale,
      color: getGroupColor(owner),
      label: `${getGroupName(index, owner)}: ${getBaseName(entry.path)}`,
      kind: 'file',
      ref: file,
      name: entry.path,
      outside: true,
    });
  });
  for (const { edge, from, to, kind } of edges) {
    graph.addDirectedEdgeWithKey(`e${edge}`, `f${from}`, `f${to}`, {
      size: kind === 'inner' ? 0.8 : 1.2,
      color: COLORS[kind],
      type: kind === 'inner' ? 'line' : 'arrow',
      kind,
      ref: edge,
    });
  }
  return graph;
}

/**
 * Neighbours sorted by the direction of their own group, then on one ring just outside the disc
 * (each at its group's angle, nudged apart) or, when they do not fit on one ring, spread evenly
 * over as many concentric rings as needed, still in that angular order.
 */
function placeOnRing(index: ReportIndex, group: GroupKey, files: number[], place: (file: number, x: number, y: number) => void): void {
  if (files.length === 0) return;
  const [cx, cy, radius] = getGroupDisc(index, group) ?? [0, 0, 1];
  const wanted = files
    .map((file) => {
      const disc = getGroupDisc(index, index.groupOf[file]!);
      const angle = disc ? Math.atan2(disc[1] - cy, disc[0] - cx) : 0;
      return { file, angle, path: index.analysis.files[file]!.path };
    })
    .sort((a, b) => a.angle - b.angle || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const inner = Math.max(radius * 1.25, radius + 2);
  const perRing = Math.max(8, Math.floor((2 * Math.PI * inner) / RING_SPACING));
  if (wanted.length <= perRing) {
    const gap = RING_SPACING / inner;
    const angles = wanted.map((item) => item.angle);
    for (let i = 1; i < angles.length; i++) angles[i] = Math.max(angles[i]!, angles[i - 1]! + gap);
    const overrun = angles[angles.length - 1]! - angles[0]! > 2 * Math.PI - gap;
    wanted.forEach((item, i) => {
      const angle = overrun ? angles[0]! + (2 * Math.PI * i) / wanted.length : angles[i]!;
      place(item.file, cx + inner * Math.cos(angle), cy + inner * Math.sin(angle));
    });
    return;
  }
  const rings = Math.ceil(wanted.length / perRing);
  const slots = Math.ceil(wanted.length / rings);
  wanted.forEach((item, i) => {
    const ring = inner + (i % rings) * RING_SPACING;
    const angle = wanted[0]!.angle + (2 * Math.PI * Math.floor(i / rings)) / slots;
    place(item.file, cx + ring * Math.cos(angle), cy + ring * Math.sin(angle));
  });
}
