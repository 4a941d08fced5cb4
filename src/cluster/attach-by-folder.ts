import { getDirectory } from '../util/paths.js';

/**
 * Places files that clustering could not (no edges, or a tiny island) with the service that
 * most of their folder neighbours belong to, looking one folder further up each time. A file
 * whose folders hold no placed file stays unassigned.
 */
export function attachByFolder(unplaced: string[], placed: Map<string, string>): Map<string, string> {
  const countsByDirectory = new Map<string, Map<string, number>>();
  for (const [file, service] of placed) {
    for (let directory = getDirectory(file); ; directory = getDirectory(directory)) {
      const counts = countsByDirectory.get(directory) ?? new Map<string, number>();
      counts.set(service, (counts.get(service) ?? 0) + 1);
      countsByDirectory.set(directory, counts);
      if (directory === '') break;
    }
  }
  const attached = new Map<string, string>();
  for (const file of unplaced) {
    for (let directory = getDirectory(file); ; directory = getDirectory(directory)) {
      const counts = countsByDirectory.get(directory);
      const best = counts ? pickMajority(counts) : null;
      if (best && directory !== '') {
        attached.set(file, best);
        break;
      }
      if (directory === '') break;
    }
  }
  return attached;
}

/** The clear majority service of a folder, or null when no service holds more than half. */
function pickMajority(counts: Map<string, number>): string | null {
  let total = 0;
  let best: string | null = null;
  let bestCount = 0;
  for (const [service, count] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    total += count;
    if (count > bestCount) {
      best = service;
      bestCount = count;
    }
  }
  return bestCount * 2 > total ? best : null;
}
