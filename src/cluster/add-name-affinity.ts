import { getDirectory } from '../util/paths.js';
import { compareStrings } from '../util/sort.js';
import type { ClusteringGraph } from './build-clustering-graph.js';
import { toWords } from './name-services.js';

/** Above this many files a word names a layer or a common concept, not one domain. */
const MAX_FILES_PER_WORD = 12;

/**
 * Weak edges between files in different folders whose names share a rare domain word
 * (`controllers/invoice.controller.ts`, `services/invoice.service.ts`, `models/invoice.model.ts`).
 * Code organised by technical layer encodes its domains in file names, not folders; imports
 * alone leave such a layer-cut domain in several pieces.
 */
export function addNameAffinity(graph: ClusteringGraph, weight: number): void {
  if (weight <= 0) return;
  const filesByWord = new Map<string, string[]>();
  graph.forEachNode((node, attributes) => {
    if (attributes.type !== 'file') return;
    const fileName = node.slice(node.lastIndexOf('/') + 1);
    for (const word of toWords(fileName)) {
      const list = filesByWord.get(word) ?? [];
      list.push(node);
      filesByWord.set(word, list);
    }
  });
  for (const word of [...filesByWord.keys()].sort(compareStrings)) {
    const files = filesByWord.get(word)!;
    if (files.length < 2 || files.length > MAX_FILES_PER_WORD) continue;
    files.sort(compareStrings);
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const a = files[i]!;
        const b = files[j]!;
        if (getDirectory(a) === getDirectory(b)) continue;
        if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (current) => (current ?? 0) + weight);
        else graph.addEdge(a, b, { weight });
      }
    }
  }
}
