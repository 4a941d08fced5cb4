import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './fixture-path.js';

export const BUILT_CLI = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');

/** Runs the built CLI as a user would (`npm test` builds dist/ before the tests run). */
export function runBuiltCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  if (!fs.existsSync(BUILT_CLI)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
  const result = spawnSync(process.execPath, [BUILT_CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, CI: 'true', ...options.env },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}
