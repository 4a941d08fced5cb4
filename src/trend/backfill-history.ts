import fs from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../types.js';
import { toErrorMessage } from '../util/errors.js';
import { getCommitDate, requireGitLocation } from './git.js';
import { createHistoryRecord, getRecordKey } from './history-record.js';
import { readHistory, saveHistoryRecord } from './history-store.js';
import { listCommitsSince, selectEvery } from './list-commits.js';
import { checkoutWorktree, createWorktree, linkNodeModules, removeWorktree, type Worktree } from './worktree.js';

export interface BackfillRequest {
  /** The analysed folder in the current checkout. */
  root: string;
  storeFile: string;
  /** A revision (included) or a date. */
  since: string;
  /** Analyse every n-th commit, counted back from HEAD. */
  every: number;
  /** Worktrees analysed in parallel. */
  jobs: number;
  configHash: string;
  /** Analyses one checked-out folder (the CLI runs it on a worker thread). */
  analyzeAt: (root: string) => Promise<Analysis>;
  onProgress?: (event: { done: number; total: number; sha: string }) => void;
}

export interface BackfillResult {
  selected: string[];
  /** Already recorded with this config: skipped, which makes an interrupted backfill resumable. */
  skipped: string[];
  recorded: string[];
  /** Commits from before the analysed folder existed: nothing to record. */
  missing: string[];
  failed: { sha: string; message: string }[];
}

/**
 * Analyses past commits in temporary worktrees, oldest first, and records each in the
 * history store as soon as it is done, so an interrupted run loses at most the commits in flight.
 */
export async function backfillHistory(request: BackfillRequest): Promise<BackfillResult> {
  const location = requireGitLocation(request.root, 'to read past commits');
  const selected = selectEvery(listCommitsSince(location.top, request.since), request.every);
  const recordedKeys = new Set(readHistory(request.root, { file: request.storeFile }).map(getRecordKey));
  const pending = selected.filter((sha) => !recordedKeys.has(getRecordKey({ sha, configHash: request.configHash })));
  const result: BackfillResult = {
    selected,
    skipped: selected.filter((sha) => recordedKeys.has(getRecordKey({ sha, configHash: request.configHash }))),
    recorded: [],
    missing: [],
    failed: [],
  };

  let next = 0;
  let done = 0;
  // git serializes worktree bookkeeping poorly; create the checkouts one at a time.
  let creating: Promise<unknown> = Promise.resolve();
  const create = (sha: string) => {
    const created = creating.then(() => createWorktree(location.top, sha));
    creating = created.catch(() => {});
    return created;
  };
  const runJob = async () => {
    let worktree: Worktree | null = null;
    try {
      while (next < pending.length) {
        const sha = pending[next++]!;
        if (worktree) await checkoutWorktree(worktree, sha);
        else worktree = await create(sha);
        const folder = path.join(worktree.directory, location.relative);
        if (!fs.existsSync(folder)) {
          result.missing.push(sha);
          request.onProgress?.({ done: ++done, total: pending.length, sha });
          continue;
        }
        linkNodeModules(location.top, worktree, location.relative);
        try {
          const analysis = await request.analyzeAt(folder);
          const record = createHistoryRecord(analysis, { sha, date: getCommitDate(location.top, sha) }, request.configHash);
          await saveHistoryRecord(request.storeFile, record);
          result.recorded.push(sha);
        } catch (error) {
          result.failed.push({ sha, message: toErrorMessage(error) });
        }
        request.onProgress?.({ done: ++done, total: pending.length, sha });
      }
    } finally {
      if (worktree) await removeWorktree(worktree);
    }
  };
  const jobs = Math.max(1, Math.min(request.jobs, pending.length));
  const outcomes = await Promise.allSettled(Array.from({ length: jobs }, runJob));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  const order = new Map(selected.map((sha, index) => [sha, index]));
  result.recorded.sort((a, b) => order.get(a)! - order.get(b)!);
  result.missing.sort((a, b) => order.get(a)! - order.get(b)!);
  result.failed.sort((a, b) => order.get(a.sha)! - order.get(b.sha)!);
  return result;
}
