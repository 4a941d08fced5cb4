import os from 'node:os';
import type { Workspace } from '../load/workspace.js';
import type { Diagnostic } from '../types.js';
import type { ProgressListener } from '../util/progress.js';
import { compareStrings } from '../util/sort.js';
import { detectAdapters, type EnabledAdapters, findAdapter } from './create-visitor-factories.js';
import type { Facts, StateFact } from './facts.js';
import type { FileFacts } from './file-facts.js';
import { correctDerivedTableNames } from './link/correct-derived-table-names.js';
import { createExportIndex } from './link/create-export-index.js';
import { collectStringConstants } from './link/declaration-keys.js';
import { linkDataAccesses } from './link/link-data-accesses.js';
import { linkDependencies } from './link/link-dependencies.js';
import { linkDiTokens } from './link/link-di-tokens.js';
import { linkStateNames } from './link/link-state-names.js';
import { getWorkerScript, MIN_FILES_FOR_WORKERS, walkFilesInWorkers } from './walk-files-in-workers.js';

export type { Facts } from './facts.js';

export interface ExtractOptions {
  /** Use worker threads for large projects (default true). */
  workers?: boolean;
  /** Threads that walk files, this one included (default: from the number of files and cores). */
  threads?: number;
  progress: ProgressListener;
}

/** One walk over each file, then the facts are linked across files (barrels, entities, tokens). */
export async function extractFacts(workspace: Workspace, options: ExtractOptions): Promise<Facts> {
  const enabled = detectAdapters(workspace);
  const total = workspace.files.length;
  // Running from source (tests), there is no built script for helper threads.
  const script = getWorkerScript();
  const helperCount = script ? chooseThreadCount(total, options) - 1 : 0;
  const fileFacts = await walkFilesInWorkers(workspace, enabled, script, helperCount, (done) =>
    options.progress({ stage: 'extract', message: 'reading files', done, total }),
  );
  options.progress({ stage: 'link', message: 'linking imports, entities and tokens' });
  return linkFacts(workspace, fileFacts, enabled.data);
}

function chooseThreadCount(files: number, options: ExtractOptions): number {
  if (options.workers === false) return 1;
  if (options.threads !== undefined) return options.threads;
  return files >= MIN_FILES_FOR_WORKERS ? Math.max(1, Math.min(4, os.availableParallelism())) : 1;
}

function linkFacts(workspace: Workspace, walked: FileFacts[], enabledData: EnabledAdapters['data']): Facts {
  const declaredModels = enabledData.flatMap(({ name, options }) => findAdapter(name)?.getDeclaredModels?.(options) ?? []);
  const named = correctDerivedTableNames(withoutLeftOutFiles(walked), declaredModels);
  const fileFacts = named.files;
  const exportIndex = createExportIndex(fileFacts);
  const linked = linkDependencies(fileFacts, exportIndex);
  const constants = collectStringConstants(fileFacts);
  const diTokens = linkDiTokens(fileFacts, exportIndex, constants);
  const data = linkDataAccesses(fileFacts, exportIndex, declaredModels);
  const state: StateFact[] = linkStateNames(fileFacts, exportIndex, constants);
  const diagnostics: Diagnostic[] = [
    ...workspace.diagnostics,
    ...walked.flatMap((facts) => facts.diagnostics),
    ...linked.unresolved,
    ...named.diagnostics,
    ...data.diagnostics,
  ];
  return {
    files: fileFacts.map((facts) => ({
      path: facts.path,
      lines: facts.lines,
      analysed: !facts.diagnostics.some((d) => d.severity === 'error' || d.code === 'binary-file' || d.code === 'not-utf8'),
      externalWorkspaceImports: [...new Set(linked.externalWorkspaceImports.get(facts.path) ?? [])].sort(compareStrings),
    })),
    dependencies: [...linked.dependencies, ...diTokens],
    accesses: data.accesses,
    tables: data.tables,
    state,
    unresolvedImports: linked.unresolved.length,
    diagnostics,
  };
}

/**
 * Generated and minified files leave the analysis: they are no node, and an import of one is
 * treated like an import of any other file that exists but is not analysed (no edge).
 */
function withoutLeftOutFiles(walked: FileFacts[]): FileFacts[] {
  const leftOut = new Set(walked.filter((facts) => facts.leftOut).map((facts) => facts.path));
  if (leftOut.size === 0) return walked;
  const kept = walked.filter((facts) => !leftOut.has(facts.path));
  for (const facts of kept) {
    for (const dependency of facts.dependencies) {
      const target = dependency.target;
      if (target.kind === 'file' && leftOut.has(target.path)) dependency.target = { kind: 'outside', path: target.path, workspacePackage: null };
    }
  }
  return kept;
}
