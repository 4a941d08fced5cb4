import { addBarnesHutRepulsion } from './add-barnes-hut-repulsion.js';

/**
 * Force-directed placement after Fruchterman & Reingold, "Graph drawing by force-directed
 * placement", Software: Practice and Experience 21(11), 1991:
 *
 *   attraction along an edge   f_a(d) = w · d² / k
 *   repulsion between nodes    f_r(d) = k² / d
 *   gravity toward the origin  f_g(d) = γ · d
 *
 * where k is the ideal distance and d the gap between two nodes' borders (their centre distance
 * less both radii). Each iteration moves a node along its net force by at most the temperature,
 * which cools linearly to zero. Without radii and above TREE_THRESHOLD nodes, repulsion goes
 * through a Barnes–Hut quadtree (add-barnes-hut-repulsion.ts), O(n log n) rather than O(n²) per
 * iteration. (The paper's grid variant, repulsion only within 2k, lets a large graph collapse:
 * inside a dense region the local pushes cancel and nothing holds the whole apart.) No randomness:
 * the caller supplies starting positions, and the same input gives the same output.
 */

export interface ForceLayoutInput {
  x: Float64Array;
  y: Float64Array;
  /** Node radii; when given, forces act on the gap between borders and every pair repels. */
  radius?: Float64Array;
  /** Flat [source0, target0, source1, target1, …] node indices. */
  edges: Int32Array;
  /** One weight per edge. */
  weights: Float64Array;
  /** Ideal distance between neighbours. */
  k: number;
  iterations: number;
  gravity: number;
}

const TREE_THRESHOLD = 200;

/** Moves the nodes in place. */
export function runForceLayout(input: ForceLayoutInput): void {
  const { x, y, radius, edges, weights, k, iterations, gravity } = input;
  const n = x.length;
  if (n < 2) return;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const span = Math.max(getSpan(x), getSpan(y), k);
  const startTemperature = span / 10;
  const useTree = !radius && n > TREE_THRESHOLD;
  for (let iteration = 0; iteration < iterations; iteration++) {
    dx.fill(0);
    dy.fill(0);
    if (useTree) addBarnesHutRepulsion(x, y, k, dx, dy);
    else addAllPairsRepulsion(x, y, radius, k, dx, dy);
    for (let e = 0; e < weights.length; e++) {
      const a = edges[2 * e]!;
      const b = edges[2 * e + 1]!;
      if (a === b) continue;
      const ex = x[a]! - x[b]!;
      const ey = y[a]! - y[b]!;
      const distance = Math.sqrt(ex * ex + ey * ey) || 1e-9;
      const gap = Math.max(distance - (radius ? radius[a]! + radius[b]! : 0), 0);
      const force = (weights[e]! * gap * gap) / k / distance;
      dx[a]! -= ex * force;
      dy[a]! -= ey * force;
      dx[b]! += ex * force;
      dy[b]! += ey * force;
    }
    const temperature = startTemperature * (1 - iteration / iterations);
    for (let i = 0; i < n; i++) {
      const fx = dx[i]! - gravity * x[i]!;
      const fy = dy[i]! - gravity * y[i]!;
      const length = Math.sqrt(fx * fx + fy * fy);
      if (length < 1e-12) continue;
      const step = Math.min(length, temperature) / length;
      x[i]! += fx * step;
      y[i]! += fy * step;
    }
  }
}

function addAllPairsRepulsion(
  x: Float64Array,
  y: Float64Array,
  radius: Float64Array | undefined,
  k: number,
  dx: Float64Array,
  dy: Float64Array,
): void {
  const k2 = k * k;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      let ex = x[i]! - x[j]!;
      let ey = y[i]! - y[j]!;
      let distance = Math.sqrt(ex * ex + ey * ey);
      if (distance < 1e-9) [ex, ey, distance] = separateCoincident(i, j);
      const gap = Math.max(distance - (radius ? radius[i]! + radius[j]! : 0), k * 0.05);
      const force = k2 / gap / distance;
      dx[i]! += ex * force;
      dy[i]! += ey * force;
      dx[j]! -= ex * force;
      dy[j]! -= ey * force;
    }
  }
}

/** Two nodes on the same spot: push them apart along a direction fixed by their indices. */
function separateCoincident(i: number, j: number): [number, number, number] {
  const angle = ((i * 7919 + j * 104729) % 360) * (Math.PI / 180);
  const sign = i < j ? 1 : -1;
  return [sign * Math.cos(angle) * 1e-3, sign * Math.sin(angle) * 1e-3, 1e-3];
}

function getSpan(values: Float64Array): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return max - min;
}
