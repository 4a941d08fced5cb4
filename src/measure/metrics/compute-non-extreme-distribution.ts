/**
 * Non-extreme distribution (Wu, Hassan, Holt, "Comparison of clustering algorithms in the
 * context of software evolution", ICSM 2005; used for services by Jin et al., TSE 2019):
 *
 *   NED = 1 − Σ_{i : min ≤ N_i ≤ max} N_i / N
 *
 * the share of files in services that are too small or too large. Lower is better. The Java
 * literature's band of 5–20 classes does not fit TypeScript files, so the band is an option.
 */
export function computeNonExtremeDistribution(sizes: number[], band: [number, number]): number {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total === 0) return 0;
  const [min, max] = band;
  const nonExtreme = sizes.filter((size) => size >= min && size <= max).reduce((sum, size) => sum + size, 0);
  return 1 - nonExtreme / total;
}
