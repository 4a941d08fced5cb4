/**
 * Inter-call percentage (Jin, Liu, Zheng, Li, Xu, Cai, "Service candidate identification from
 * monolithic systems based on execution traces", TSE 2019), on static dependency weight:
 *
 *   ICP = Σ_{i≠j} w(i,j) / Σ_{i,j} w(i,j)
 *
 * the share of the dependency weight between service files that crosses a service boundary.
 * Lower is better.
 */
export function computeInterCallPercentage(edges: { fromService: string; toService: string; weight: number }[]): number {
  let total = 0;
  let crossing = 0;
  for (const edge of edges) {
    total += edge.weight;
    if (edge.fromService !== edge.toService) crossing += edge.weight;
  }
  return total > 0 ? crossing / total : 0;
}
