import { UndirectedGraph } from 'graphology';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import { describe, expect, it } from 'vitest';
import { computeInterCallPercentage } from '../../src/measure/metrics/compute-inter-call-percentage.js';
import { computeInterfaceNumber } from '../../src/measure/metrics/compute-interface-number.js';
import { computeModularity } from '../../src/graph/compute-modularity.js';
import { computeNonExtremeDistribution } from '../../src/measure/metrics/compute-non-extreme-distribution.js';
import { computeStructuralModularity } from '../../src/measure/metrics/compute-structural-modularity.js';
import { computeTurboMq } from '../../src/measure/metrics/compute-turbo-mq.js';
import { createRandom } from '../../src/util/random.js';

/** The package ships CommonJS with an ESM-style declaration; nodenext sees the namespace. */
const graphologyModularity = ((modularityModule as unknown as { default?: unknown }).default ?? modularityModule) as (
  graph: UndirectedGraph,
  options?: { getNodeCommunity?: string; getEdgeWeight?: string | null; resolution?: number },
) => number;

/**
 * Two triangles joined by one edge, the classic small example:
 *
 *   orders: a-b, b-c, a-c      billing: d-e, e-f, d-f      crossing: c→d
 */
const services: Record<string, string> = { a: 'orders', b: 'orders', c: 'orders', d: 'billing', e: 'billing', f: 'billing' };
const triangles: [string, string, number][] = [
  ['a', 'b', 1],
  ['b', 'c', 1],
  ['a', 'c', 1],
  ['d', 'e', 1],
  ['e', 'f', 1],
  ['d', 'f', 1],
  ['c', 'd', 1],
];
const toServiceEdges = (edges: [string, string, number][]) =>
  edges.map(([source, target, weight]) => ({ fromService: services[source]!, toService: services[target]!, weight }));

describe('modularity Q', () => {
  it('is 5/14 for two triangles joined by one edge: 2 × (3/7 − (7/14)²)', () => {
    const q = computeModularity(
      triangles.map(([source, target, weight]) => ({ source, target, weight })),
      (node) => services[node] ?? null,
    );
    expect(q).toBeCloseTo(5 / 14, 10);
  });

  it('agrees with graphology-metrics on a random weighted graph, at two resolutions', () => {
    const random = createRandom(7);
    const graph = new UndirectedGraph();
    const community = (index: number) => `s${index % 4}`;
    for (let index = 0; index < 40; index++) graph.addNode(`f${index}`, { community: community(index) });
    const edges: { source: string; target: string; weight: number }[] = [];
    for (let index = 0; index < 160; index++) {
      const a = Math.floor(random() * 40);
      const b = random() < 0.7 ? (a + 4 * (1 + Math.floor(random() * 9))) % 40 : Math.floor(random() * 40);
      if (a === b || graph.hasEdge(`f${a}`, `f${b}`)) continue;
      const weight = Math.round((0.3 + random() * 2) * 10) / 10;
      graph.addEdge(`f${a}`, `f${b}`, { weight });
      edges.push({ source: `f${a}`, target: `f${b}`, weight });
    }
    expect(edges.length).toBeGreaterThan(100);
    const communityOf = (node: string) => graph.getNodeAttribute(node, 'community') as string;
    for (const resolution of [1, 1.5]) {
      const expected = graphologyModularity(graph, { getNodeCommunity: 'community', getEdgeWeight: 'weight', resolution });
      expect(computeModularity(edges, communityOf, resolution)).toBeCloseTo(expected, 10);
    }
  });

  it('is 0 without edges', () => {
    expect(computeModularity([], () => 'orders')).toBe(0);
  });
});

describe('structural modularity SM', () => {
  it('is 1/3 − 1/18 = 5/18 for the two triangles', () => {
    // cohesion: (3/3² + 3/3²) / 2 = 1/3; coupling: 1 / (2·3·3) over 1 pair = 1/18
    const sizes = new Map([
      ['orders', 3],
      ['billing', 3],
    ]);
    expect(computeStructuralModularity(sizes, toServiceEdges(triangles))).toBeCloseTo(5 / 18, 10);
  });

  it('has no coupling term for a single service', () => {
    expect(computeStructuralModularity(new Map([['orders', 3]]), toServiceEdges(triangles.slice(0, 3)))).toBeCloseTo(1 / 3, 10);
  });
});

describe('inter-call percentage ICP', () => {
  it('is the share of weight that crosses services: 2 of 9', () => {
    const weighted: [string, string, number][] = [...triangles.slice(0, 6), ['c', 'd', 2], ['a', 'b', 1]];
    // total = 6 + 2 + 1 = 9, crossing = 2
    expect(computeInterCallPercentage(toServiceEdges(weighted))).toBeCloseTo(2 / 9, 10);
  });
});

describe('interface number IFN', () => {
  it('is the mean number of interfaces per service', () => {
    expect(computeInterfaceNumber([3, 0, 1, 2])).toBe(1.5);
    expect(computeInterfaceNumber([])).toBe(0);
  });
});

describe('non-extreme distribution NED', () => {
  it('is the share of files in services outside the size band', () => {
    // in band [5, 100]: 10 and 100; outside: 3 and 120 → 1 − 110/233
    expect(computeNonExtremeDistribution([3, 10, 100, 120], [5, 100])).toBeCloseTo(1 - 110 / 233, 10);
    expect(computeNonExtremeDistribution([], [5, 100])).toBe(0);
  });
});

describe('TurboMQ', () => {
  it('adds up 2μ / (2μ + ε) per service: 6/7 + 6/7 for the triangles', () => {
    expect(computeTurboMq(['orders', 'billing'], toServiceEdges(triangles))).toBeCloseTo(12 / 7, 10);
  });

  it('weighs edges and gives 0 to a service with nothing inside', () => {
    const edges = [
      { fromService: 'orders', toService: 'orders', weight: 2 },
      { fromService: 'orders', toService: 'billing', weight: 1.5 },
      { fromService: 'billing', toService: 'orders', weight: 0.5 },
    ];
    // orders: 4 / (4 + 2) = 2/3; billing: μ = 0
    expect(computeTurboMq(['orders', 'billing'], edges)).toBeCloseTo(2 / 3, 10);
  });
});
