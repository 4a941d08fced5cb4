/**
 * Fruchterman–Reingold repulsion f_r(d) = k²/d from every other node, approximated after Barnes &
 * Hut, "A hierarchical O(N log N) force-calculation algorithm", Nature 324, 1986: nodes go into a
 * quadtree that keeps each cell's node count and centre of mass; a cell whose side s is small
 * next to its distance d (s/d < θ) acts as one node of that mass at its centre. O(n log n) per call.
 */

const THETA = 1.5;
const MAX_DEPTH = 32;

export function addBarnesHutRepulsion(x: Float64Array, y: Float64Array, k: number, dx: Float64Array, dy: Float64Array): void {
  const n = x.length;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  const tree = createTree(n, minX, minY, Math.max(maxX - minX, maxY - minY, 1e-6) * 1.0001);
  for (let i = 0; i < n; i++) insert(tree, i, x[i]!, y[i]!);
  // Centres of mass, and each cell's opening distance² (s/θ)², computed once per call.
  const comX = new Float64Array(tree.count);
  const comY = new Float64Array(tree.count);
  const open2 = new Float64Array(tree.count);
  for (let cell = 0; cell < tree.count; cell++) {
    const mass = tree.mass[cell]!;
    comX[cell] = mass > 0 ? tree.sumX[cell]! / mass : 0;
    comY[cell] = mass > 0 ? tree.sumY[cell]! / mass : 0;
    open2[cell] = (tree.size[cell]! / THETA) ** 2;
  }
  const { child, point, mass: masses } = tree;
  const k2 = k * k;
  const stack = new Int32Array(4 * MAX_DEPTH + 8);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const cell = stack[--top]!;
      const mass = masses[cell]!;
      const occupant = point[cell]!;
      if (mass === 0 || occupant === i) continue;
      let ex = xi - comX[cell]!;
      let ey = yi - comY[cell]!;
      let d2 = ex * ex + ey * ey;
      const isLeaf = occupant !== INTERNAL;
      if (isLeaf || open2[cell]! < d2) {
        if (d2 < 1e-18) {
          // Other nodes on this very spot (a leaf that stopped splitting): push apart along a fixed direction.
          const angle = (i * 2.399963) % (2 * Math.PI);
          ex = Math.cos(angle) * 1e-3;
          ey = Math.sin(angle) * 1e-3;
          d2 = 1e-6;
        }
        const own = occupant === MERGED && isInside(tree, cell, xi, yi) ? 1 : 0;
        const force = (k2 * (mass - own)) / d2;
        dx[i]! += ex * force;
        dy[i]! += ey * force;
        continue;
      }
      for (let q = 4 * cell; q < 4 * cell + 4; q++) {
        const next = child[q]!;
        if (next >= 0) stack[top++] = next;
      }
    }
  }
}

/** point[cell]: the one node in a leaf, EMPTY, INTERNAL for a split cell, or MERGED for a leaf of coincident nodes. */
const EMPTY = -1;
const INTERNAL = -2;
const MERGED = -3;

interface Tree {
  count: number;
  x0: Float64Array;
  y0: Float64Array;
  size: Float64Array;
  depth: Int32Array;
  child: Int32Array;
  point: Int32Array;
  mass: Float64Array;
  sumX: Float64Array;
  sumY: Float64Array;
}

function createTree(n: number, x0: number, y0: number, size: number): Tree {
  const capacity = Math.max(16, 8 * n);
  const tree: Tree = {
    count: 1,
    x0: new Float64Array(capacity),
    y0: new Float64Array(capacity),
    size: new Float64Array(capacity),
    depth: new Int32Array(capacity),
    child: new Int32Array(4 * capacity).fill(-1),
    point: new Int32Array(capacity).fill(EMPTY),
    mass: new Float64Array(capacity),
    sumX: new Float64Array(capacity),
    sumY: new Float64Array(capacity),
  };
  tree.x0[0] = x0;
  tree.y0[0] = y0;
  tree.size[0] = size;
  return tree;
}

function insert(tree: Tree, node: number, px: number, py: number): void {
  let cell = 0;
  for (;;) {
    tree.mass[cell]! += 1;
    tree.sumX[cell]! += px;
    tree.sumY[cell]! += py;
    const occupant = tree.point[cell]!;
    if (occupant === EMPTY && tree.mass[cell] === 1) {
      tree.point[cell] = node;
      return;
    }
    if (occupant === MERGED) return;
    if (occupant >= 0) {
      if (tree.depth[cell]! >= MAX_DEPTH || tree.count + 4 > tree.point.length) {
        tree.point[cell] = MERGED;
        return;
      }
      // Split: move the occupant one level down (its mass is already counted here).
      tree.point[cell] = INTERNAL;
      const moved = getChild(tree, cell, tree.sumX[cell]! - px, tree.sumY[cell]! - py);
      tree.mass[moved] = 1;
      tree.sumX[moved] = tree.sumX[cell]! - px;
      tree.sumY[moved] = tree.sumY[cell]! - py;
      tree.point[moved] = occupant;
    }
    cell = getChild(tree, cell, px, py);
  }
}

/** The child cell of `cell` holding (px, py), created when missing. */
function getChild(tree: Tree, cell: number, px: number, py: number): number {
  const half = tree.size[cell]! / 2;
  const right = px >= tree.x0[cell]! + half ? 1 : 0;
  const lower = py >= tree.y0[cell]! + half ? 1 : 0;
  const slot = 4 * cell + right + 2 * lower;
  let child = tree.child[slot]!;
  if (child < 0) {
    child = tree.count++;
    tree.child[slot] = child;
    tree.x0[child] = tree.x0[cell]! + right * half;
    tree.y0[child] = tree.y0[cell]! + lower * half;
    tree.size[child] = half;
    tree.depth[child] = tree.depth[cell]! + 1;
  }
  return child;
}

function isInside(tree: Tree, cell: number, px: number, py: number): boolean {
  const size = tree.size[cell]!;
  return px >= tree.x0[cell]! && px <= tree.x0[cell]! + size && py >= tree.y0[cell]! && py <= tree.y0[cell]! + size;
}
