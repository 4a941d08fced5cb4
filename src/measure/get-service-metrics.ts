import type { ServiceMetrics } from '../types.js';
import { round } from '../util/sort.js';
import type { ServiceEdge } from './service-view.js';

/**
 * Per service: cohesion = internal weight / (internal + crossing weight); coupling = crossing
 * weight; efferent Ce and afferent Ca = services it depends on / that depend on it; instability
 * I = Ce / (Ca + Ce) (Martin, "OO Design Quality Metrics", 1994).
 */
export function getServiceMetrics(service: string, size: number, edges: ServiceEdge[]): ServiceMetrics {
  let internal = 0;
  let crossing = 0;
  const efferent = new Set<string>();
  const afferent = new Set<string>();
  for (const edge of edges) {
    if (!edge.fromService || !edge.toService) continue;
    const fromHere = edge.fromService === service;
    const toHere = edge.toService === service;
    if (fromHere && toHere) internal += edge.weight;
    else if (fromHere) {
      crossing += edge.weight;
      efferent.add(edge.toService);
    } else if (toHere) {
      crossing += edge.weight;
      afferent.add(edge.fromService);
    }
  }
  const total = internal + crossing;
  const ce = efferent.size;
  const ca = afferent.size;
  return {
    size,
    cohesion: round(total > 0 ? internal / total : 1),
    coupling: round(crossing, 3),
    efferent: ce,
    afferent: ca,
    instability: round(ce + ca > 0 ? ce / (ce + ca) : 0),
  };
}
