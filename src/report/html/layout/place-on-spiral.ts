/**
 * Points along an Archimedean spiral r = bθ with b = s/2π, spaced s apart along the curve:
 * the arc length to θ is about bθ²/2, so the i-th point sits at θ = √(4πi), r = s·√(i/π).
 * Consecutive points stay neighbours (files of one folder start together) and the density is
 * even, so n points fill a disc of radius about s·√(n/π).
 */
export function placeOnSpiral(count: number, spacing = 1): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const angle = Math.sqrt(4 * Math.PI * i);
    const r = spacing * Math.sqrt(i / Math.PI);
    x[i] = r * Math.cos(angle);
    y[i] = r * Math.sin(angle);
  }
  return { x, y };
}
