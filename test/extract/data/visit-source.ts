import { ts } from 'ts-morph';
import { createFileFacts, type FileFacts } from '../../../src/extract/file-facts.js';
import { createImportVisitor } from '../../../src/extract/imports/visit-imports.js';
import { visitSourceFile } from '../../../src/extract/visit-source-file.js';
import type { FileVisitor, VisitContext } from '../../../src/extract/visitor.js';

/** Runs one adapter's visitor over a snippet through the walk (imports first, then finish). */
export function visitSource(visitor: FileVisitor, source: string, path = 'src/example.ts'): FileFacts {
  const sourceFile = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const context: VisitContext = {
    sourceFile,
    facts: createFileFacts(path),
    lineOf: (node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
  };
  visitSourceFile(sourceFile, context, [createImportVisitor(), visitor]);
  return context.facts;
}

/** Accesses as `[line, ref, access]` rows, the ref written `kind:name`. */
export function toAccessRows(facts: FileFacts): [number, string, string][] {
  return facts.accesses.map((access) => [access.line, toRefText(access.ref), access.access]);
}

function toRefText(ref: FileFacts['accesses'][number]['ref']): string {
  return ref.kind === 'table' || ref.kind === 'symbol' || ref.kind === 'model' ? `${ref.kind}:${ref.name}` : ref.kind;
}
