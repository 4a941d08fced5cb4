/**
 * Adjusted Rand index (Hubert & Arabie, "Comparing partitions", 1985):
 *
 *   ARI = (Σ_ij C(n_ij,2) − [Σ_i C(a_i,2) Σ_j C(b_j,2)] / C(n,2))
 *         / (½[Σ_i C(a_i,2) + Σ_j C(b_j,2)] − [Σ_i C(a_i,2) Σ_j C(b_j,2)] / C(n,2))
 *
 * over the items both partitions label; 1 is identical, around 0 is chance.
 */
export function computeAdjustedRandIndex(expected: Map<string, string>, actual: Map<string, string>): number {
  const items = [...expected.keys()].filter((item) => actual.has(item));
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  for (const item of items) {
    const a = expected.get(item)!;
    const b = actual.get(item)!;
    table.set(`${a}\0${b}`, (table.get(`${a}\0${b}`) ?? 0) + 1);
    rows.set(a, (rows.get(a) ?? 0) + 1);
    columns.set(b, (columns.get(b) ?? 0) + 1);
  }
  const index = [...table.values()].reduce((sum, n) => sum + pairs(n), 0);
  const rowSum = [...rows.values()].reduce((sum, n) => sum + pairs(n), 0);
  const columnSum = [...columns.values()].reduce((sum, n) => sum + pairs(n), 0);
  const expectedIndex = (rowSum * columnSum) / Math.max(1, pairs(items.length));
  const maxIndex = (rowSum + columnSum) / 2;
  return maxIndex === expectedIndex ? 1 : (index - expectedIndex) / (maxIndex - expectedIndex);
}
