import type ts from '../util/typescript.cjs';
import type { FileFacts } from './file-facts.js';

export interface VisitContext {
  sourceFile: ts.SourceFile;
  facts: FileFacts;
  /** 1-based line of the node's first token. */
  lineOf(node: ts.Node): number;
}

/**
 * One contributor to the single walk over each file. Every node is offered to every enabled
 * visitor; parents are set, so a visitor may look upwards. Visitors only record facts.
 */
export interface FileVisitor {
  /**
   * The node kinds visit() acts on. When given, the walk offers only nodes of these kinds: most
   * nodes (identifiers, keywords, literals, types) then cost no call at all.
   */
  kinds?: readonly ts.SyntaxKind[];
  visit(node: ts.Node, context: VisitContext): void;
  /** Called once after the walk, e.g. to settle names that were seen before their imports. */
  finish?(context: VisitContext): void;
}
