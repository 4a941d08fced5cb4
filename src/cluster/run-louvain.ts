import louvainModule, { type DetailedLouvainOutput, type LouvainOptions } from 'graphology-communities-louvain';
import { createRandom } from '../util/random.js';
import type { ClusteringGraph } from './build-clustering-graph.js';

/** The package's types declare an ESM default that nodenext reads as the CommonJS namespace. */
const louvain = louvainModule as unknown as {
  detailed(graph: ClusteringGraph, options: LouvainOptions): DetailedLouvainOutput;
};

export interface LouvainRun {
  seed: number;
  communities: Map<string, number>;
  modularity: number;
}

/**
 * Louvain (Blondel et al., "Fast unfolding of communities in large networks", 2008) with a
 * seeded random source, once per seed: the runs differ only in the random order of moves, so
 * how often two files land together across runs measures how sure the split is.
 */
export function runLouvain(graph: ClusteringGraph, seeds: number[], resolution: number): LouvainRun[] {
  return seeds.map((seed) => {
    if (graph.size === 0) {
      return { seed, communities: new Map(graph.nodes().map((node, index) => [node, index])), modularity: 0 };
    }
    const result = louvain.detailed(graph, {
      getEdgeWeight: 'weight',
      resolution,
      rng: createRandom(seed),
      randomWalk: true,
    });
    return { seed, communities: new Map(Object.entries(result.communities)), modularity: result.modularity };
  });
}
