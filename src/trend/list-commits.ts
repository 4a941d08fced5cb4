import { execFileSync } from 'node:child_process';
import { UsageError } from '../util/errors.js';
import { resolveCommit, runGit } from './git.js';

/**
 * The commits of the first-parent line from `since` to HEAD, oldest first. `since` is a
 * revision (included) or a date git understands ("2024-01-31", "3 months ago"). First parent
 * only: the trend follows the main line, not every commit of every merged branch.
 */
export function listCommitsSince(repo: string, since: string): string[] {
  const head = resolveCommit(repo, 'HEAD');
  if (!head) throw new UsageError('the repository has no commits yet');
  const start = resolveCommit(repo, since);
  if (start) {
    if (!isAncestor(repo, start, head)) throw new UsageError(`--since ${since}: not an ancestor of HEAD`);
    const after = runGit(repo, ['rev-list', '--first-parent', '--reverse', `${start}..${head}`]);
    return [start, ...toLines(after)];
  }
  if (!isDate(since)) throw new UsageError(`--since ${since}: neither a git revision nor a date (use YYYY-MM-DD or a revision)`);
  return toLines(runGit(repo, ['rev-list', '--first-parent', '--reverse', `--since=${since}`, head]));
}

/**
 * Every n-th commit counted back from the newest, so the newest is always analysed and the
 * spacing is the same however far back the history goes.
 */
export function selectEvery<T>(items: T[], every: number): T[] {
  const last = items.length - 1;
  return items.filter((_, index) => (last - index) % every === 0);
}

function isAncestor(repo: string, ancestor: string, descendant: string): boolean {
  try {
    execFileSync('git', ['merge-base', '--is-ancestor', ancestor, descendant], { cwd: repo, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function isDate(value: string): boolean {
  return !Number.isNaN(Date.parse(value)) || /^\d+\s+\w+\s+ago$/.test(value.trim());
}

function toLines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}
