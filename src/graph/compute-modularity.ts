/**
 * Newman–Girvan modularity of a weighted undirected graph (Newman, "Modularity and community
 * structure in networks", PNAS 2006):
 *
 *   Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]
 *
 * where m is the total edge weight, L_c the weight inside community c, d_c the total weighted
 * degree of c's nodes, and γ the resolution (1 for the classic definition).
 */
export function computeModularity(
  edges: { source: string; target: string; weight: number }[],
  communityOf: (node: string) => string | null,
  resolution = 1,
): number {
  let total = 0;
  const inside = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const { source, target, weight } of edges) {
    const a = communityOf(source);
    const b = communityOf(target);
    if (a === null || b === null) continue;
    total += weight;
    degree.set(a, (degree.get(a) ?? 0) + weight);
    degree.set(b, (degree.get(b) ?? 0) + weight);
    if (a === b) inside.set(a, (inside.get(a) ?? 0) + weight);
  }
  if (total === 0) return 0;
  let q = 0;
  for (const [community, d] of degree) {
    q += (inside.get(community) ?? 0) / total - resolution * (d / (2 * total)) ** 2;
  }
  return q;
}
