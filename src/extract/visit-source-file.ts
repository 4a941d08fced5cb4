import ts from '../util/typescript.cjs';
import type { FileVisitor, VisitContext } from './visitor.js';

/**
 * Offers each node of the file, in source order, to the visitors that declare its kind (and to
 * those that declare none), then lets every visitor finish. Iterative, so deeply nested code
 * cannot overflow the stack of the walk itself.
 */
export function visitSourceFile(sourceFile: ts.SourceFile, context: VisitContext, visitors: FileVisitor[]): void {
  const { byKind, everyNode } = indexByKind(visitors);
  const pending: ts.Node[] = [sourceFile];
  const pushChild = (child: ts.Node) => {
    pending.push(child);
  };
  while (pending.length > 0) {
    const node = pending.pop()!;
    const interested = byKind[node.kind];
    if (interested) for (const visitor of interested) visitor.visit(node, context);
    for (const visitor of everyNode) visitor.visit(node, context);
    const start = pending.length;
    ts.forEachChild(node, pushChild);
    reverseRange(pending, start);
  }
  for (const visitor of visitors) visitor.finish?.(context);
}

/** Visitors by the node kinds they declare, in their order; those that declare none see every node. */
function indexByKind(visitors: FileVisitor[]): { byKind: (FileVisitor[] | undefined)[]; everyNode: FileVisitor[] } {
  const byKind: (FileVisitor[] | undefined)[] = [];
  const everyNode: FileVisitor[] = [];
  for (const visitor of visitors) {
    if (!visitor.kinds) {
      everyNode.push(visitor);
      continue;
    }
    for (const kind of visitor.kinds) {
      const list = byKind[kind] ?? [];
      list.push(visitor);
      byKind[kind] = list;
    }
  }
  return { byKind, everyNode };
}

/** Children are pushed in source order; reversing keeps the walk in source order too. */
function reverseRange(items: ts.Node[], start: number): void {
  for (let low = start, high = items.length - 1; low < high; low++, high--) {
    const swap = items[low]!;
    items[low] = items[high]!;
    items[high] = swap;
  }
}
