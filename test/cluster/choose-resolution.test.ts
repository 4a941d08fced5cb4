import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { ClusteringGraph } from '../../src/cluster/build-clustering-graph.js';
import { chooseResolution } from '../../src/cluster/choose-resolution.js';

/** Two files joined by `importWeight`, each tied to a folder node by `tieWeight` (none at 0). */
function twoFiles(importWeight: number, tieWeight: number): ClusteringGraph {
  const graph: ClusteringGraph = new UndirectedGraph({ allowSelfLoops: false });
  graph.addNode('a.ts', { type: 'file' });
  graph.addNode('b.ts', { type: 'file' });
  graph.addEdge('a.ts', 'b.ts', { weight: importWeight });
  if (tieWeight > 0) {
    graph.addNode('folder:x', { type: 'folder' });
    graph.addEdge('a.ts', 'folder:x', { weight: tieWeight });
    graph.addEdge('b.ts', 'folder:x', { weight: tieWeight });
  }
  return graph;
}

describe('the automatic resolution', () => {
  it('grows with the root of the total weight, from a floor of 0.2', () => {
    expect(chooseResolution(twoFiles(2500, 0))).toBe(1);
    expect(chooseResolution(twoFiles(10_000, 0))).toBe(2);
    expect(chooseResolution(twoFiles(25, 0))).toBe(0.2);
  });

  it('is higher where the folders name the modules: five times as high when every file is tied to one', () => {
    expect(chooseResolution(twoFiles(2400, 50))).toBe(5);
  });
});
