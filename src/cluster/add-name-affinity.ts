import { getDirectory } from '../util/paths.js';
import { compareStrings } from '../util/sort.js';
import type { ClusteringGraph } from './build-clustering-graph.js';
import { createPackageFinder } from './create-package-finder.js';
import { toWords } from './name-services.js';

/** Above this many files a word names a layer or a common concept, not one domain. */
const MAX_FILES_PER_WORD = 8;

/**
 * Weak edges between files in different folders whose names share rare domain words
 * (`controllers/invoice.controller.ts`, `services/invoice.service.ts`, `models/invoice.model.ts`).
 * Code organised by technical layer encodes its domains in file names, not folders; imports
 * alone leave such a layer-cut domain in several pieces (Anquetil & Lethbridge, "Recovering
 * software architecture from the names of source files", J. Softw. Maint. 1999).
 *
 * A pair of files gets
 *
 *   w · J(A, B)²,   J = |A ∩ B| / |A ∪ B|   (Jaccard index of the two names' tokens)
 *
 * where a name's tokens are its domain words plus, for a name of several words, the compound
 * itself, each counted only if rare (in 2 to 8 files). Why not one w per shared word: a compound
 * entity (`audit-vehicle.*`, 5 files) shares a word with every file of `audit.*` and `vehicle.*`,
 * so its 10 partial matches outweighed its 4 exact ones and glued three unrelated domains
 * together. The compound token makes its own files the only exact matches (also when its words
 * are too common to count, as `order` in `order-item`), and squaring makes a partial match
 * (J = 1/3) worth a ninth of an exact one; two one-word names that match keep w.
 *
 * Names are compared within one workspace package only: the apps of a monorepo name their
 * entities alike (`apps/api/…/invoice.service.ts`, `apps/worker/…/invoice.service.ts`) without
 * sharing a module, and matched across them the twins left their modules as services of their
 * own (a generated two-app monorepo: ARI 0.66 → 0.99).
 */
export function addNameAffinity(graph: ClusteringGraph, weight: number, packageFolders: readonly string[] = []): void {
  if (weight <= 0) return;
  const getPackage = createPackageFinder(packageFolders);
  const tokensByFile = new Map<string, string[]>();
  const filesByToken = new Map<string, string[]>();
  graph.forEachNode((node, attributes) => {
    if (attributes.type !== 'file') return;
    const words = toWords(node.slice(node.lastIndexOf('/') + 1));
    // Words never contain '-', so the compound cannot collide with a single word.
    const tokens = words.length > 1 ? [...words, words.join('-')] : words;
    tokensByFile.set(node, tokens);
    for (const token of tokens) {
      const list = filesByToken.get(token) ?? [];
      list.push(node);
      filesByToken.set(token, list);
    }
  });
  const isRare = (token: string) => {
    const count = filesByToken.get(token)!.length;
    return count >= 2 && count <= MAX_FILES_PER_WORD;
  };
  const rareTokens = new Map<string, Set<string>>();
  for (const [file, tokens] of tokensByFile) rareTokens.set(file, new Set(tokens.filter(isRare)));
  for (const a of [...rareTokens.keys()].sort(compareStrings)) {
    const tokens = rareTokens.get(a)!;
    const partners = new Set<string>();
    for (const token of tokens) for (const b of filesByToken.get(token)!) if (compareStrings(a, b) < 0) partners.add(b);
    for (const b of [...partners].sort(compareStrings)) {
      if (getDirectory(a) === getDirectory(b) || getPackage(a) !== getPackage(b)) continue;
      const similarity = getJaccardIndex(tokens, rareTokens.get(b)!);
      const affinity = weight * similarity * similarity;
      if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (current) => (current ?? 0) + affinity);
      else graph.addEdge(a, b, { weight: affinity });
    }
  }
}

function getJaccardIndex(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}
