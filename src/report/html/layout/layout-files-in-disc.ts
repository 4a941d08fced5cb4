import { placeOnSpiral } from './place-on-spiral.js';
import { runForceLayout } from './run-force-layout.js';

/**
 * Relaxation steps per group, from a budget of node-steps for the whole project: 60 up to
 * 6,000 files, fewer above (20 at 18,000 files), never under 12. The spiral start already keeps
 * folders together, so a short relaxation is enough to pull dependencies close.
 */
export function getIterations(totalFiles: number): number {
  return Math.max(12, Math.min(60, Math.round(360_000 / Math.max(1, totalFiles))));
}

/** The disc radius that holds `count` files one unit apart, with a rim. */
export function getDiscRadius(count: number): number {
  return Math.sqrt(count / Math.PI) * 1.15 + 1;
}

/**
 * Lays out one group's files around the origin: start on a spiral in path order (folders begin
 * together), relax along the group's own edges, then scale into the group's disc so every group
 * has the same density and no file leaves its disc.
 *
 * @param edges flat [a0, b0, a1, b1, …] local indices of edges inside the group
 */
export function layoutFilesInDisc(count: number, edges: number[], weights: number[], iterations: number): { x: Float64Array; y: Float64Array } {
  const { x, y } = placeOnSpiral(count);
  if (edges.length > 0) {
    runForceLayout({
      x,
      y,
      edges: Int32Array.from(edges),
      weights: Float64Array.from(weights),
      k: 1,
      iterations,
      gravity: 0.05,
    });
  }
  fitIntoDisc(x, y, getDiscRadius(count) - 0.5);
  return { x, y };
}

/** Centres the points and scales them so the 95th-percentile distance sits near the rim; outliers are pulled onto it. */
function fitIntoDisc(x: Float64Array, y: Float64Array, radius: number): void {
  const n = x.length;
  if (n === 0) return;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += x[i]!;
    cy += y[i]!;
  }
  cx /= n;
  cy /= n;
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i]! -= cx;
    y[i]! -= cy;
    distances[i] = Math.hypot(x[i]!, y[i]!);
  }
  const sorted = Float64Array.from(distances).sort();
  const reach = sorted[Math.min(n - 1, Math.floor(n * 0.95))]!;
  const scale = reach > 1e-9 ? (radius * 0.95) / reach : 1;
  for (let i = 0; i < n; i++) {
    const distance = distances[i]! * scale;
    const clamp = distance > radius ? radius / distance : 1;
    x[i] = x[i]! * scale * clamp;
    y[i] = y[i]! * scale * clamp;
  }
}
