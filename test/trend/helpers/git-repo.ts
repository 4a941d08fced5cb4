import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway git repository in the temp folder, committed to with fixed identities and dates. */
export interface GitRepo {
  root: string;
  write(files: Record<string, string>): void;
  remove(file: string): void;
  rename(from: string, to: string): void;
  /** Stages everything and commits; returns the new sha. Dates are ISO strings (committer and author). */
  commit(message: string, date: string): string;
  git(args: string[]): string;
  dispose(): void;
}

/** git's own variables from a surrounding hook or CI step would point commands at another repository. */
function getGitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment = { ...process.env, ...extra };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete environment[name];
  return environment;
}

export function createGitRepo(files: Record<string, string> = {}): GitRepo {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'seams-repo-')));
  const git = (args: string[], extra?: Record<string, string>) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', env: getGitEnvironment(extra), stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git(['init', '--quiet', '--initial-branch=main']);
  const repo: GitRepo = {
    root,
    write(more) {
      for (const [file, text] of Object.entries(more)) {
        const absolute = path.join(root, file);
        fs.mkdirSync(path.dirname(absolute), { recursive: true });
        fs.writeFileSync(absolute, text);
      }
    },
    remove(file) {
      fs.rmSync(path.join(root, file));
    },
    rename(from, to) {
      fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
      git(['mv', from, to]);
    },
    commit(message, date) {
      git(['add', '--all']);
      git(['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', message], {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
      return git(['rev-parse', 'HEAD']);
    },
    git: (args) => git(args),
    dispose() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  repo.write(files);
  return repo;
}
