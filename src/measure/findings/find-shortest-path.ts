/**
 * Breadth-first search for the shortest path from `start` to `goal` along `successors`
 * (successor lists must be sorted, so ties go the same way every run). Returns the nodes of
 * the path, both ends included, or null when `goal` cannot be reached.
 */
export function findShortestPath(successors: Map<string, string[]>, start: string, goal: string): string[] | null {
  if (start === goal) return [start];
  const previous = new Map<string, string>([[start, start]]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const successor of successors.get(node) ?? []) {
        if (previous.has(successor)) continue;
        previous.set(successor, node);
        if (successor === goal) {
          const path = [goal];
          for (let current = node; current !== start; current = previous.get(current)!) path.push(current);
          path.push(start);
          return path.reverse();
        }
        next.push(successor);
      }
    }
    frontier = next;
  }
  return null;
}
