import path from 'node:path';
import { isSourceFile } from '../load/source-extensions.js';
import type { Analysis } from '../types.js';
import { getCommitDate, requireCommit, requireGitLocation, runGit } from './git.js';
import { createHistoryRecord, type HistoryRecord } from './history-record.js';
import { saveHistoryRecord } from './history-store.js';
import { linkNodeModules, withWorktree } from './worktree.js';

export interface RecordHeadRequest {
  root: string;
  storeFile: string;
  configHash: string;
  analyzeAt: (root: string) => Promise<Analysis>;
}

export interface RecordHeadResult {
  record: HistoryRecord;
  outcome: 'added' | 'replaced';
  /** True when local edits to source files made seams analyse HEAD in a temporary worktree. */
  usedWorktree: boolean;
}

/**
 * Records HEAD. The working tree is analysed in place when its source matches HEAD (the CI
 * case); otherwise HEAD is checked out in a temporary worktree, so the record describes the commit.
 */
export async function recordHead(request: RecordHeadRequest): Promise<RecordHeadResult> {
  const location = requireGitLocation(request.root, 'to record a commit');
  const sha = requireCommit(location.top, 'HEAD');
  const usedWorktree = hasSourceChanges(location.top, location.relative);
  const analysis = usedWorktree
    ? await withWorktree(location.top, sha, (worktree) => {
        linkNodeModules(location.top, worktree, location.relative);
        return request.analyzeAt(path.join(worktree.directory, location.relative));
      })
    : await request.analyzeAt(request.root);
  const record = createHistoryRecord(analysis, { sha, date: getCommitDate(location.top, sha) }, request.configHash);
  const outcome = await saveHistoryRecord(request.storeFile, record);
  return { record, outcome, usedWorktree };
}

const INPUT_FILES = /(^|\/)(package\.json|tsconfig[^/]*\.json|jsconfig\.json|seams\.config\.json|[^/]+\.prisma|[^/]+\.sql)$/;

/** Whether tracked files that feed the analysis differ from HEAD (untracked files are ignored). */
function hasSourceChanges(top: string, relative: string): boolean {
  const output = runGit(top, ['status', '--porcelain=v1', '-z', '--untracked-files=no', '--', relative || '.']);
  return output
    .split('\0')
    .map((entry) => entry.replace(/^.. /, ''))
    .some((file) => file.length > 0 && (isSourceFile(path.posix.basename(file)) || INPUT_FILES.test(file)));
}
