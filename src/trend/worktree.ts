import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGit, runGitAsync } from './git.js';

/** A temporary, detached checkout of the repository, outside it, that seams removes after use. */
export interface Worktree {
  repo: string;
  /** The checkout's top-level folder. */
  directory: string;
  /** The temporary folder that holds it (removed with it). */
  parent: string;
}

/**
 * git runs post-checkout hooks on `worktree add` and `checkout`; with husky those come from the
 * repository itself, and seams never runs the analysed project's code (CI runs it on pull requests).
 */
const NO_HOOKS = ['-c', `core.hooksPath=${os.devNull}`];

/** Worktrees not yet removed, so a CLI signal handler can clean them up on Ctrl-C. */
const active = new Set<Worktree>();

export async function createWorktree(repo: string, sha: string): Promise<Worktree> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-worktree-'));
  const worktree: Worktree = { repo, directory: path.join(parent, 'checkout'), parent };
  active.add(worktree);
  try {
    await runGitAsync(repo, [...NO_HOOKS, 'worktree', 'add', '--detach', '--force', worktree.directory, sha]);
  } catch (error) {
    await removeWorktree(worktree);
    throw error;
  }
  return worktree;
}

export async function checkoutWorktree(worktree: Worktree, sha: string): Promise<void> {
  await runGitAsync(worktree.directory, [...NO_HOOKS, 'checkout', '--detach', '--force', '--quiet', sha]);
}

export async function removeWorktree(worktree: Worktree): Promise<void> {
  try {
    await runGitAsync(worktree.repo, ['worktree', 'remove', '--force', worktree.directory]);
  } catch {
    // the checkout may never have been created; the folder and the prune below still apply
  }
  fs.rmSync(worktree.parent, { recursive: true, force: true });
  try {
    await runGitAsync(worktree.repo, ['worktree', 'prune']);
  } catch {
    // nothing more to do: git will prune the entry itself once the folder is gone
  }
  active.delete(worktree);
}

/** Runs `use` in a temporary worktree at `sha` and removes the worktree afterwards, also on failure. */
export async function withWorktree<T>(repo: string, sha: string, use: (worktree: Worktree) => Promise<T>): Promise<T> {
  const worktree = await createWorktree(repo, sha);
  try {
    return await use(worktree);
  } finally {
    await removeWorktree(worktree);
  }
}

/** Synchronous cleanup for a process that is about to exit (SIGINT, SIGTERM). */
export function removeActiveWorktreesSync(): void {
  for (const worktree of active) {
    try {
      runGit(worktree.repo, ['worktree', 'remove', '--force', worktree.directory]);
    } catch {
      // fall through to removing the folder
    }
    fs.rmSync(worktree.parent, { recursive: true, force: true });
    active.delete(worktree);
  }
}

/**
 * Links the repository's installed node_modules folders into the checkout (at the top and at
 * the analysed folder), so tsconfig `extends` and workspace packages resolve as they do in
 * the main tree. Nothing is installed; seams reads source only.
 */
export function linkNodeModules(repoTop: string, worktree: Worktree, relativeRoot: string): void {
  const folders = relativeRoot ? ['', relativeRoot] : [''];
  for (const folder of folders) {
    const source = path.join(repoTop, folder, 'node_modules');
    const target = path.join(worktree.directory, folder, 'node_modules');
    if (!fs.existsSync(source) || fs.existsSync(target) || !fs.existsSync(path.dirname(target))) continue;
    try {
      fs.symlinkSync(source, target, 'junction');
    } catch {
      // a checkout without the link still analyses; only tsconfig extends from packages would be missing
    }
  }
}
