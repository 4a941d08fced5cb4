import path from 'node:path';
import ts from '../util/typescript.cjs';
import type { Workspace } from '../load/workspace.js';
import { detectGeneratedCode } from './detect-generated-code.js';
import type { DependencyTarget, FileFacts } from './file-facts.js';
import { createFileFacts } from './file-facts.js';
import type { Resolution, Resolver } from './imports/create-resolver.js';
import { createImportVisitor } from './imports/visit-imports.js';
import { readSourceText } from './read-source-text.js';
import { visitSourceFile } from './visit-source-file.js';
import type { FileVisitor, VisitContext } from './visitor.js';

export type VisitorFactory = () => FileVisitor;

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/**
 * Parses one file with TypeScript's parser alone (no program, no checker: that is where the
 * time of other tools goes) and offers its nodes to the visitors in one walk (visit-source-file.ts).
 */
export function walkFile(
  workspace: Workspace,
  fileIndex: number,
  resolve: Resolver,
  visitorFactories: VisitorFactory[],
): FileFacts {
  try {
    return walkOneFile(workspace, fileIndex, resolve, visitorFactories);
  } catch (error) {
    // A failure on one file (nesting deeper than the thread's stack, a visitor bug) must not
    // stop the analysis of the others; its partial facts are dropped, not half-trusted.
    const file = workspace.files[fileIndex]!;
    const facts = createFileFacts(file.path);
    facts.diagnostics.push({
      code: 'file-not-analysed',
      severity: 'error',
      file: file.path,
      message: `could not analyse file: ${describeFailure(error)}`,
    });
    return facts;
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'code nested too deeply for the stack (run the CLI, whose analysis thread has a 512 MB stack)';
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ');
}

function walkOneFile(
  workspace: Workspace,
  fileIndex: number,
  resolve: Resolver,
  visitorFactories: VisitorFactory[],
): FileFacts {
  const file = workspace.files[fileIndex]!;
  const facts = createFileFacts(file.path);
  const source = readSourceText(file.absolute);
  if (!source.ok) {
    facts.diagnostics.push({ code: source.code, severity: 'warning', file: file.path, message: source.message });
    return facts;
  }
  const generated = detectGeneratedCode(file.path, source.text);
  if (generated) {
    facts.leftOut = generated;
    facts.diagnostics.push({ code: 'generated-file', severity: 'info', file: file.path, message: `left out: ${generated}` });
    return facts;
  }
  const extension = path.extname(file.absolute);
  // No JSDoc parsing: seams reads no types from comments, and JavaScript monoliths document
  // nearly every function (Ghost's server: parse 890 -> 670 ms). No parent pointers either:
  // visitSourceFile sets them in the walk it makes anyway.
  const sourceFile = ts.createSourceFile(
    file.absolute,
    source.text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    SCRIPT_KINDS[extension] ?? ts.ScriptKind.TS,
  );
  facts.lines = sourceFile.getLineStarts().length;
  const parseErrors = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (parseErrors.length > 0) {
    const first = parseErrors[0]!;
    const line = sourceFile.getLineAndCharacterOfPosition(first.start).line + 1;
    const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
    facts.diagnostics.push({
      code: 'parse-error',
      severity: 'error',
      file: file.path,
      line,
      message: `syntax error, file not analysed: ${message}${parseErrors.length > 1 ? ` (+${parseErrors.length - 1} more)` : ''}`,
    });
    return facts;
  }

  const context: VisitContext = {
    sourceFile,
    facts,
    lineOf: (node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
  };
  const visitors = [createImportVisitor(), ...visitorFactories.map((create) => create())];
  visitSourceFile(sourceFile, context, visitors);

  const configIndex = workspace.configOfFile[fileIndex] ?? -1;
  for (const dependency of facts.dependencies) {
    dependency.target = toTarget(resolve(file.absolute, dependency.specifier, configIndex));
  }
  return facts;
}

function toTarget(resolution: Resolution): DependencyTarget {
  switch (resolution.kind) {
    case 'file':
      return { kind: 'file', path: resolution.path };
    case 'outside':
      return { kind: 'outside', path: resolution.path, workspacePackage: resolution.workspacePackage };
    default:
      return resolution;
  }
}
