/**
 * Interface number (Jin et al., TSE 2019): the mean number of interfaces per service,
 *
 *   IFN = (1/K) Σ_i |I_i|
 *
 * where I_i is the set of symbols of service i used by other services (its future API).
 * Lower means narrower service interfaces.
 */
export function computeInterfaceNumber(interfaceCounts: number[]): number {
  if (interfaceCounts.length === 0) return 0;
  return interfaceCounts.reduce((sum, count) => sum + count, 0) / interfaceCounts.length;
}
