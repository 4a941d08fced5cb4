import { ts } from 'ts-morph';
import { createFileFacts, type RawStateFact } from '../../../src/extract/file-facts.js';
import { createImportVisitor } from '../../../src/extract/imports/visit-imports.js';
import { createStateVisitor } from '../../../src/extract/state/index.js';
import { visitSourceFile } from '../../../src/extract/visit-source-file.js';
import type { VisitContext } from '../../../src/extract/visitor.js';

/** Runs the import and state visitors over one source text through the walk, and returns the state facts. */
export function getStateFacts(source: string, fileName = 'src/example.ts'): RawStateFact[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const facts = createFileFacts(fileName);
  const context: VisitContext = {
    sourceFile,
    facts,
    lineOf: (node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
  };
  visitSourceFile(sourceFile, context, [createImportVisitor(), createStateVisitor()]);
  return facts.state;
}
