import { compareStrings } from '../../util/sort.js';

/**
 * Strongly connected components (Tarjan, "Depth-first search and linear graph algorithms",
 * SIAM J. Comput. 1972), iterative so that deep graphs cannot overflow the stack. O(V + E).
 * Nodes and successors are visited in sorted order, and each component is returned sorted,
 * largest first, so the result does not depend on insertion order.
 */
export function findStronglyConnected(successors: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const nodes = [...successors.keys()].sort(compareStrings);
  const sorted = new Map(nodes.map((node) => [node, [...(successors.get(node) ?? [])].sort(compareStrings)]));

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const next = sorted.get(frame.node) ?? [];
      if (frame.next < next.length) {
        const successor = next[frame.next++]!;
        if (!index.has(successor)) {
          index.set(successor, counter);
          lowLink.set(successor, counter++);
          stack.push(successor);
          onStack.add(successor);
          work.push({ node: successor, next: 0 });
        } else if (onStack.has(successor)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(successor)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        for (;;) {
          const member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        components.push(component.sort(compareStrings));
      }
    }
  }
  return components.sort((a, b) => b.length - a.length || compareStrings(a[0]!, b[0]!));
}
