/**
 * TurboMQ (Mitchell & Mancoridis, "On the automatic modularization of software systems using
 * the Bunch tool", TSE 2006), weighted:
 *
 *   MQ = Σ_i CF_i,   CF_i = 2μ_i / (2μ_i + Σ_{j≠i} (ε_ij + ε_ji))   (CF_i = 0 when μ_i = 0)
 *
 * μ_i is the weight inside service i, ε_ij the weight from i to j. Higher is better; at most K.
 */
export function computeTurboMq(
  services: string[],
  edges: { fromService: string; toService: string; weight: number }[],
): number {
  const inside = new Map<string, number>();
  const crossing = new Map<string, number>();
  for (const edge of edges) {
    if (edge.fromService === edge.toService) {
      inside.set(edge.fromService, (inside.get(edge.fromService) ?? 0) + edge.weight);
    } else {
      crossing.set(edge.fromService, (crossing.get(edge.fromService) ?? 0) + edge.weight);
      crossing.set(edge.toService, (crossing.get(edge.toService) ?? 0) + edge.weight);
    }
  }
  let mq = 0;
  for (const service of services) {
    const mu = inside.get(service) ?? 0;
    if (mu > 0) mq += (2 * mu) / (2 * mu + (crossing.get(service) ?? 0));
  }
  return mq;
}
