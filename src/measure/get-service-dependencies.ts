import type { EdgeKind, ServiceDependency } from '../types.js';
import { compareStrings, round } from '../util/sort.js';
import type { ServiceEdge } from './service-view.js';

/** Service-to-service dependencies: how many file edges cross from one to the other, and their weight. */
export function getServiceDependencies(edges: ServiceEdge[]): ServiceDependency[] {
  const byPair = new Map<string, ServiceDependency>();
  for (const edge of edges) {
    if (!edge.fromService || !edge.toService || edge.fromService === edge.toService) continue;
    const key = `${edge.fromService}\0${edge.toService}`;
    const dependency = byPair.get(key) ?? { from: edge.fromService, to: edge.toService, edges: 0, weight: 0, kinds: {} };
    dependency.edges += 1;
    dependency.weight += edge.weight;
    for (const kind of edge.kinds) dependency.kinds[kind as EdgeKind] = (dependency.kinds[kind as EdgeKind] ?? 0) + 1;
    byPair.set(key, dependency);
  }
  return [...byPair.values()]
    .map((dependency) => ({ ...dependency, weight: round(dependency.weight, 3) }))
    .sort((a, b) => b.weight - a.weight || compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}
