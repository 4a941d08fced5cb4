import fs from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../types.js';
import { UsageError } from '../util/errors.js';
import { requireCommit, requireGitLocation } from './git.js';
import { linkNodeModules, withWorktree } from './worktree.js';

/**
 * Analyses the same folder as it was at `revision`, in a temporary worktree that is removed
 * afterwards whatever happens.
 */
export async function analyzeRevision(
  root: string,
  revision: string,
  analyzeAt: (root: string) => Promise<Analysis>,
): Promise<{ sha: string; analysis: Analysis }> {
  const location = requireGitLocation(root, `to analyse ${revision}`);
  const sha = requireCommit(location.top, revision);
  const analysis = await withWorktree(location.top, sha, (worktree) => {
    const folder = path.join(worktree.directory, location.relative);
    if (!fs.existsSync(folder)) throw new UsageError(`${location.relative} does not exist at ${revision}`);
    linkNodeModules(location.top, worktree, location.relative);
    return analyzeAt(folder);
  });
  return { sha, analysis };
}
