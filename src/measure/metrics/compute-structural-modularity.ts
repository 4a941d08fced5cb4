/**
 * Structural modularity (Candela, Bavota, Russo, Oliveto, "Using cohesion and coupling for
 * software remodularization: Is it enough?", TOSEM 2016):
 *
 *   SM = (1/K) Σ_i μ_i / N_i²  −  (1 / (K(K−1)/2)) Σ_{i<j} σ_ij / (2 N_i N_j)
 *
 * K services, N_i files in service i, μ_i dependencies inside i, σ_ij dependencies between i
 * and j (both directions). Higher is better; the coupling term is 0 when K = 1.
 */
export function computeStructuralModularity(
  sizes: Map<string, number>,
  edges: { fromService: string; toService: string }[],
): number {
  const services = [...sizes.keys()].sort();
  const k = services.length;
  if (k === 0) return 0;
  const inside = new Map<string, number>();
  const between = new Map<string, number>();
  for (const edge of edges) {
    if (edge.fromService === edge.toService) inside.set(edge.fromService, (inside.get(edge.fromService) ?? 0) + 1);
    else {
      const key = [edge.fromService, edge.toService].sort().join('\0');
      between.set(key, (between.get(key) ?? 0) + 1);
    }
  }
  let cohesion = 0;
  for (const service of services) {
    const n = sizes.get(service) ?? 0;
    if (n > 0) cohesion += (inside.get(service) ?? 0) / (n * n);
  }
  let coupling = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const a = services[i]!;
      const b = services[j]!;
      const sigma = between.get([a, b].sort().join('\0')) ?? 0;
      coupling += sigma / (2 * (sizes.get(a) ?? 1) * (sizes.get(b) ?? 1));
    }
  }
  return cohesion / k - (k > 1 ? coupling / ((k * (k - 1)) / 2) : 0);
}
