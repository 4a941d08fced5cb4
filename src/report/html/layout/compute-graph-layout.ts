import type { Analysis } from '../../../types.js';
import { compareStrings, round } from '../../../util/sort.js';
import type { Disc, GraphLayout } from '../report-data.js';
import { getDiscRadius, getIterations, layoutFilesInDisc } from './layout-files-in-disc.js';
import { removeOverlaps } from './remove-overlaps.js';
import { runForceLayout } from './run-force-layout.js';

/** Shared tables drawn as nodes in the service view; the rest appear in the table matrix only. */
export const MAX_TABLE_NODES = 200;
const TABLE_RADIUS = 1.5;

/**
 * Positions for the report's graph, computed once here so the page never runs a layout:
 * each group of files (a service, the shared kernel, the unassigned files) is laid out in its own
 * disc, then the discs and the shared tables are laid out as one weighted graph and pushed apart
 * until no two overlap. Deterministic: no randomness, fixed iteration counts.
 */
export function computeGraphLayout(analysis: Analysis): GraphLayout {
  const serviceIndex = new Map(analysis.services.map((service, index) => [service.id, index]));
  const kernelGroup = analysis.services.length;
  const unassignedGroup = kernelGroup + 1;
  const groupCount = unassignedGroup + 1;
  const fileIndex = new Map(analysis.files.map((file, index) => [file.path, index]));
  const groupOf = analysis.files.map((file) =>
    file.role === 'shared' ? kernelGroup : (file.service !== null ? serviceIndex.get(file.service) : undefined) ?? unassignedGroup,
  );

  const members: number[][] = Array.from({ length: groupCount }, () => []);
  const order = analysis.files.map((_, index) => index).sort((a, b) => compareStrings(analysis.files[a]!.path, analysis.files[b]!.path));
  for (const index of order) members[groupOf[index]!]!.push(index);
  const localIndex = new Int32Array(analysis.files.length);
  for (const list of members) {
    for (let local = 0; local < list.length; local++) localIndex[list[local]!] = local;
  }

  const innerEdges: { edges: number[]; weights: number[] }[] = members.map(() => ({ edges: [], weights: [] }));
  const between = new Map<number, number>();
  for (const edge of analysis.edges) {
    const from = fileIndex.get(edge.from);
    const to = fileIndex.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const a = groupOf[from]!;
    const b = groupOf[to]!;
    if (a === b) {
      innerEdges[a]!.edges.push(localIndex[from]!, localIndex[to]!);
      innerEdges[a]!.weights.push(Math.sqrt(Math.max(edge.weight, 0.1)));
    } else {
      const key = Math.min(a, b) * groupCount + Math.max(a, b);
      between.set(key, (between.get(key) ?? 0) + edge.weight);
    }
  }

  const iterations = getIterations(analysis.files.length);
  const local = members.map((list, group) => layoutFilesInDisc(list.length, innerEdges[group]!.edges, innerEdges[group]!.weights, iterations));
  const tableNodes = pickTableNodes(analysis);
  const centres = layoutGroups(
    analysis,
    members.map((list) => list.length),
    between,
    tableNodes,
  );

  const files = new Array<number>(analysis.files.length * 2).fill(0);
  members.forEach((list, group) => {
    const [cx, cy] = centres.groups[group]!;
    list.forEach((file, i) => {
      files[2 * file] = round(cx + local[group]!.x[i]!, 2);
      files[2 * file + 1] = round(cy + local[group]!.y[i]!, 2);
    });
  });
  const toDisc = (group: number): Disc => {
    const [x, y, r] = centres.groups[group]!;
    return [round(x, 2), round(y, 2), round(r, 2)];
  };
  return {
    services: analysis.services.map((_, index) => toDisc(index)),
    kernel: members[kernelGroup]!.length > 0 ? toDisc(kernelGroup) : null,
    unassigned: members[unassignedGroup]!.length > 0 ? toDisc(unassignedGroup) : null,
    tables: analysis.tables.map((_, index) => {
      const position = centres.tables.get(index);
      return position ? [round(position[0], 2), round(position[1], 2)] : null;
    }),
    files,
  };
}

/** The shared tables with the most accessing services (then by name), at most MAX_TABLE_NODES. */
function pickTableNodes(analysis: Analysis): number[] {
  return analysis.tables
    .map((table, index) => ({ table, index }))
    .filter(({ table }) => table.shared)
    .sort((a, b) => b.table.accessors.length - a.table.accessors.length || compareStrings(a.table.name, b.table.name))
    .slice(0, MAX_TABLE_NODES)
    .map(({ index }) => index);
}

interface GroupCentres {
  /** [x, y, radius] per group (services, kernel, unassigned). */
  groups: Disc[];
  tables: Map<number, [number, number]>;
}

/** Lays out the group discs and table nodes as one graph, then removes overlaps. */
function layoutGroups(analysis: Analysis, sizes: number[], between: Map<number, number>, tableNodes: number[]): GroupCentres {
  const groupCount = sizes.length;
  const nodes = groupCount + tableNodes.length;
  const radius = new Float64Array(nodes);
  sizes.forEach((size, group) => {
    radius[group] = size > 0 ? getDiscRadius(size) : 0;
  });
  for (let t = 0; t < tableNodes.length; t++) radius[groupCount + t] = TABLE_RADIUS;

  const edges: number[] = [];
  const rawWeights: number[] = [];
  for (const [key, weight] of [...between].sort((a, b) => a[0] - b[0])) {
    edges.push(Math.floor(key / groupCount), key % groupCount);
    rawWeights.push(weight);
  }
  const serviceIndex = new Map(analysis.services.map((service, index) => [service.id, index]));
  tableNodes.forEach((tableIndex, t) => {
    for (const accessor of analysis.tables[tableIndex]!.accessors) {
      const group = accessor.service === null ? undefined : serviceIndex.get(accessor.service);
      if (group === undefined) continue;
      edges.push(group, groupCount + t);
      rawWeights.push(accessor.reads + accessor.writes);
    }
  });
  const maxWeight = rawWeights.reduce((max, weight) => Math.max(max, weight), 1);
  const weights = rawWeights.map((weight) => 0.2 + Math.sqrt(weight / maxWeight));

  // Start: the kernel in the middle, services around a circle that fits their discs, tables outside.
  const x = new Float64Array(nodes);
  const y = new Float64Array(nodes);
  let ring = 0;
  for (let group = 0; group < groupCount; group++) ring += radius[group]!;
  ring = Math.max(ring / Math.PI, 1);
  const kernelGroup = groupCount - 2;
  const placed = [...sizes.keys()].filter((group) => sizes[group]! > 0 && group !== kernelGroup);
  placed.forEach((group, i) => {
    const angle = (2 * Math.PI * i) / placed.length;
    x[group] = ring * Math.cos(angle);
    y[group] = ring * Math.sin(angle);
  });
  tableNodes.forEach((_, t) => {
    const angle = (2 * Math.PI * (t + 0.5)) / tableNodes.length;
    x[groupCount + t] = ring * 1.5 * Math.cos(angle);
    y[groupCount + t] = ring * 1.5 * Math.sin(angle);
  });

  const present = [...radius].filter((r) => r > 0);
  const meanRadius = present.reduce((sum, r) => sum + r, 0) / Math.max(1, present.length);
  // Empty groups take no part: give them no radius and keep them out of the way at the origin.
  const active = [...radius.keys()].filter((node) => radius[node]! > 0);
  const position = new Map(active.map((node, i) => [node, i]));
  const ax = Float64Array.from(active, (node) => x[node]!);
  const ay = Float64Array.from(active, (node) => y[node]!);
  const ar = Float64Array.from(active, (node) => radius[node]!);
  const activeEdges: number[] = [];
  const activeWeights: number[] = [];
  for (let e = 0; e < weights.length; e++) {
    const a = position.get(edges[2 * e]!);
    const b = position.get(edges[2 * e + 1]!);
    if (a === undefined || b === undefined) continue;
    activeEdges.push(a, b);
    activeWeights.push(weights[e]!);
  }
  runForceLayout({
    x: ax,
    y: ay,
    radius: ar,
    edges: Int32Array.from(activeEdges),
    weights: Float64Array.from(activeWeights),
    k: Math.max(2, meanRadius),
    iterations: active.length > 300 ? 60 : 200,
    gravity: 0.1,
  });
  pullInIsolated(ax, ay, ar, activeEdges);
  removeOverlaps(ax, ay, ar, Math.max(1, meanRadius * 0.15));
  active.forEach((node, i) => {
    x[node] = ax[i]!;
    y[node] = ay[i]!;
  });

  const tables = new Map<number, [number, number]>();
  tableNodes.forEach((tableIndex, t) => {
    tables.set(tableIndex, [x[groupCount + t]!, y[groupCount + t]!]);
  });
  return { groups: sizes.map((_, group) => [x[group]!, y[group]!, radius[group]!]), tables };
}

/**
 * Repulsion drives a node without edges far from the rest; bring each one back to just outside
 * the connected nodes' extent, in the same direction, so the picture stays compact.
 */
function pullInIsolated(x: Float64Array, y: Float64Array, radius: Float64Array, edges: number[]): void {
  const connected = new Set(edges);
  if (connected.size === 0) return;
  let cx = 0;
  let cy = 0;
  for (const node of connected) {
    cx += x[node]!;
    cy += y[node]!;
  }
  cx /= connected.size;
  cy /= connected.size;
  let reach = 0;
  for (const node of connected) reach = Math.max(reach, Math.hypot(x[node]! - cx, y[node]! - cy) + radius[node]!);
  for (let node = 0; node < x.length; node++) {
    if (connected.has(node)) continue;
    const dx = x[node]! - cx;
    const dy = y[node]! - cy;
    const distance = Math.hypot(dx, dy);
    const wanted = reach + radius[node]!;
    if (distance <= wanted) continue;
    x[node] = cx + (dx / distance) * wanted;
    y[node] = cy + (dy / distance) * wanted;
  }
}
