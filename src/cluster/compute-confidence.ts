/**
 * Confidence of a file: the mean, over the other clustering runs, of the Jaccard similarity
 * between the set of files it shares a service with in the chosen partition and in that run.
 * 1 means every run put it with exactly the same files; near 0 means its company changes.
 */
export function computeConfidence(
  chosen: Map<string, number>,
  runs: Map<string, number>[],
  files: string[],
): Map<string, number> {
  const confidence = new Map<string, number>(files.map((file) => [file, 0]));
  if (runs.length === 0) {
    for (const file of files) confidence.set(file, 1);
    return confidence;
  }
  const chosenSizes = countSizes(chosen, files);
  // A pair of community ids as one number, (a + 1) · stride + (b + 1) with stride above every
  // id + 1, so that Map look-ups need no string per file and run.
  let highestId = 0;
  for (const partition of [chosen, ...runs]) for (const id of partition.values()) highestId = Math.max(highestId, id);
  const stride = highestId + 2;
  for (const run of runs) {
    const runSizes = countSizes(run, files);
    const overlaps = new Map<number, number>();
    for (const file of files) {
      const key = (chosen.get(file)! + 1) * stride + (run.get(file)! + 1);
      overlaps.set(key, (overlaps.get(key) ?? 0) + 1);
    }
    for (const file of files) {
      const a = chosen.get(file)!;
      const b = run.get(file)!;
      if (a < 0) continue;
      const overlap = overlaps.get((a + 1) * stride + (b + 1)) ?? 0;
      const union = (chosenSizes.get(a) ?? 0) + (runSizes.get(b) ?? 0) - overlap;
      confidence.set(file, confidence.get(file)! + (union > 0 ? overlap / union : 0) / runs.length);
    }
  }
  return confidence;
}

function countSizes(communities: Map<string, number>, files: string[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const file of files) {
    const community = communities.get(file);
    if (community === undefined) continue;
    sizes.set(community, (sizes.get(community) ?? 0) + 1);
  }
  return sizes;
}
