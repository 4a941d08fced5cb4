import type { FileVisitor } from '../visitor.js';

/** Shared mutable state, in-process events, queues and timers. */
export function createStateVisitor(): FileVisitor {
  return { visit() {} };
}
