import Graph from 'graphology';
import { COLORS, getServiceColor } from '../../colors.js';
import { formatCount, getMax } from '../../format.js';
import type { ReportIndex } from '../../report-index.js';
import type { EdgeAttributes, NodeAttributes, ReportGraph } from './graph-types.js';

/**
 * The default view: one node per service (area grows with its files), the shared kernel and the
 * unassigned files as grey discs, shared tables as small amber nodes tied to the services that
 * read or write them; arrows for cross-service dependencies, as wide as their weight.
 */
export function buildServiceGraph(index: ReportIndex): ReportGraph {
  const { analysis, layout } = index;
  const graph: ReportGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'directed', multi: false, allowSelfLoops: false });
  const largest = Math.max(getMax(analysis.services, (service) => service.size, 1), index.kernelFiles.length, index.unassignedFiles.length);
  const toSize = (files: number) => 5 + 22 * Math.sqrt(files / largest);
  analysis.services.forEach((service, position) => {
    const [x, y] = layout.services[position] ?? [0, 0];
    graph.addNode(`s${position}`, {
      x,
      y,
      size: toSize(service.size),
      color: getServiceColor(position),
      label: `${service.name} (${formatCount(service.size)})`,
      kind: 'service',
      ref: position,
      name: service.name,
    });
  });
  if (layout.kernel) {
    const [x, y] = layout.kernel;
    const count = index.kernelFiles.length;
    graph.addNode('kernel', { x, y, size: toSize(count), color: COLORS.kernel, label: `shared kernel (${formatCount(count)})`, kind: 'kernel', ref: 'kernel', name: 'shared kernel' });
  }
  if (layout.unassigned) {
    const [x, y] = layout.unassigned;
    const count = index.unassignedFiles.length;
    graph.addNode('unassigned', { x, y, size: toSize(count), color: COLORS.unassigned, label: `unassigned (${formatCount(count)})`, kind: 'unassigned', ref: 'unassigned', name: 'unassigned' });
  }
  const heaviest = getMax(analysis.dependencies, (dependency) => dependency.weight, 1e-9);
  analysis.dependencies.forEach((dependency, position) => {
    const from = index.serviceIndex.get(dependency.from);
    const to = index.serviceIndex.get(dependency.to);
    if (from === undefined || to === undefined || from === to) return;
    graph.addDirectedEdgeWithKey(`d${position}`, `s${from}`, `s${to}`, {
      size: 1 + 7 * Math.sqrt(dependency.weight / heaviest),
      color: COLORS.dependency,
      type: 'arrow',
      kind: 'dependency',
      ref: position,
    });
  });
  const busiest = getMax(analysis.tables, (table) => getMax(table.accessors, (accessor) => accessor.reads + accessor.writes, 1), 1);
  analysis.tables.forEach((table, position) => {
    const point = layout.tables[position];
    if (!point) return;
    graph.addNode(`t${position}`, { x: point[0], y: point[1], size: 5, color: COLORS.table, label: table.name, kind: 'table', ref: position, name: table.name });
    for (const accessor of table.accessors) {
      const service = accessor.service === null ? undefined : index.serviceIndex.get(accessor.service);
      if (service === undefined || graph.hasEdge(`s${service}`, `t${position}`)) continue;
      const kind = accessor.writes > 0 ? (accessor.reads > 0 ? 'readWrite' : 'write') : 'read';
      graph.addDirectedEdge(`s${service}`, `t${position}`, {
        size: 1 + 3 * Math.sqrt((accessor.reads + accessor.writes) / busiest),
        color: COLORS[kind],
        type: 'line',
        kind,
        ref: position,
      });
    }
  });
  return graph;
}
