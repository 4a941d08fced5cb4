import type { Service } from '../types.js';
import { compareStrings, uniqueSorted } from '../util/sort.js';
import type { ServiceEdge } from './service-view.js';

/** For each service, the exported symbols that files of other services use: its future API. */
export function getApiSurfaces(edges: ServiceEdge[]): Map<string, Service['apiSurface']> {
  const usage = new Map<string, Map<string, Set<string>>>();
  for (const edge of edges) {
    if (!edge.fromService || !edge.toService || edge.fromService === edge.toService) continue;
    const symbols = edge.names.length > 0 ? edge.names : ['*'];
    const byKey = usage.get(edge.toService) ?? new Map<string, Set<string>>();
    for (const symbol of symbols) {
      const key = `${edge.to}\0${symbol}`;
      const users = byKey.get(key) ?? new Set<string>();
      users.add(edge.fromService);
      byKey.set(key, users);
    }
    usage.set(edge.toService, byKey);
  }
  const surfaces = new Map<string, Service['apiSurface']>();
  for (const [service, byKey] of usage) {
    surfaces.set(
      service,
      [...byKey.entries()]
        .map(([key, users]) => {
          const [file, symbol] = key.split('\0') as [string, string];
          return { file, symbol, usedBy: uniqueSorted(users) };
        })
        .sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.symbol, b.symbol)),
    );
  }
  return surfaces;
}
