import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../util/errors.js';
import { toPosix } from '../util/paths.js';

const execFileAsync = promisify(execFile);
const MAX_BUFFER = 64 * 1024 * 1024;

/** Runs git and returns its output without the trailing newline; a failure is a UsageError naming the command. */
export function runGit(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_BUFFER }).replace(/\n$/, '');
  } catch (error) {
    throw toGitError(args, error);
  }
}

export async function runGitAsync(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER });
    return stdout.replace(/\n$/, '');
  } catch (error) {
    throw toGitError(args, error);
  }
}

function toGitError(args: string[], error: unknown): UsageError {
  const failure = error as NodeJS.ErrnoException & { stderr?: string | Buffer };
  if (failure.code === 'ENOENT') return new UsageError('git not found: install git or put it on PATH');
  const detail = String(failure.stderr ?? failure.message ?? '')
    .trim()
    .split('\n')[0];
  const command = args.find((arg, index) => !arg.startsWith('-') && args[index - 1] !== '-c') ?? 'command';
  return new UsageError(`git ${command} failed: ${detail || 'unknown error'}`);
}

/** Where an analysed folder sits in its git repository. */
export interface GitLocation {
  /** The repository's top-level folder (real path). */
  top: string;
  /** The analysed folder relative to it, POSIX, '' for the top itself. */
  relative: string;
}

/** The repository that holds `directory`, or null when it is not inside one. */
export function findGitLocation(directory: string): GitLocation | null {
  const real = fs.realpathSync(path.resolve(directory));
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: real, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
  const realTop = fs.realpathSync(top);
  return { top: realTop, relative: toPosix(path.relative(realTop, real)) };
}

export function requireGitLocation(directory: string, purpose: string): GitLocation {
  const location = findGitLocation(directory);
  if (!location) throw new UsageError(`${toPosix(directory)} is not inside a git repository (needed ${purpose})`);
  return location;
}

/** The full sha of a revision, or null when git does not know it. */
export function resolveCommit(repo: string, revision: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export function requireCommit(repo: string, revision: string): string {
  const sha = resolveCommit(repo, revision);
  if (!sha) {
    throw new UsageError(`unknown git revision: ${revision} (in a shallow CI clone, fetch it first, e.g. git fetch --depth=1 origin ${revision})`);
  }
  return sha;
}

/** The committer date in strict ISO 8601, as git stores it. */
export function getCommitDate(repo: string, sha: string): string {
  return runGit(repo, ['show', '-s', '--format=%cI', sha]);
}
