import { ts } from 'ts-morph';
import { createFileFacts, type RawStateFact } from '../../../src/extract/file-facts.js';
import { createImportVisitor } from '../../../src/extract/imports/visit-imports.js';
import { createStateVisitor } from '../../../src/extract/state/index.js';
import type { VisitContext } from '../../../src/extract/visitor.js';

/** Runs the import and state visitors over one source text, as the walk does, and returns the state facts. */
export function getStateFacts(source: string, fileName = 'src/example.ts'): RawStateFact[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const facts = createFileFacts(fileName);
  const context: VisitContext = {
    sourceFile,
    facts,
    lineOf: (node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
  };
  const visitors = [createImportVisitor(), createStateVisitor()];
  const pending: ts.Node[] = [sourceFile];
  while (pending.length > 0) {
    const node = pending.pop()!;
    for (const visitor of visitors) visitor.visit(node, context);
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    pending.push(...children.reverse());
  }
  for (const visitor of visitors) visitor.finish?.(context);
  return facts.state;
}
