import type { ServiceMetrics } from '../types.js';
import { round } from '../util/sort.js';
import type { ServiceEdge } from './service-view.js';

/**
 * Per service: cohesion = internal weight / (internal + crossing weight); coupling = crossing
 * weight; efferent Ce and afferent Ca = services it depends on / that depend on it; instability
 * I = Ce / (Ca + Ce) (Martin, "OO Design Quality Metrics", 1994).
 */
export function getServiceMetrics(sizes: Map<string, number>, edges: ServiceEdge[]): Map<string, ServiceMetrics> {
  const tallies = new Map([...sizes.keys()].map((service) => [service, createTally()]));
  for (const edge of edges) {
    if (!edge.fromService || !edge.toService) continue;
    const from = tallies.get(edge.fromService);
    const to = tallies.get(edge.toService);
    if (!from || !to) continue;
    if (edge.fromService === edge.toService) {
      from.internal += edge.weight;
      continue;
    }
    from.crossing += edge.weight;
    from.efferent.add(edge.toService);
    to.crossing += edge.weight;
    to.afferent.add(edge.fromService);
  }
  return new Map([...tallies].map(([service, tally]) => [service, toMetrics(sizes.get(service) ?? 0, tally)]));
}

interface Tally {
  internal: number;
  crossing: number;
  efferent: Set<string>;
  afferent: Set<string>;
}

function createTally(): Tally {
  return { internal: 0, crossing: 0, efferent: new Set(), afferent: new Set() };
}

function toMetrics(size: number, { internal, crossing, efferent, afferent }: Tally): ServiceMetrics {
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
