import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_CLI } from '../helpers/run-built-cli.js';
import { createTempDirectory, writeFile } from './helpers/temp-project.js';

/** The built CLI (`npm test` builds dist/ first); SEAMS_CLI points the test at another build. */
const CLI = process.env.SEAMS_CLI ?? BUILT_CLI;
const FILES = 150;
const FOLDERS = 6;
const TARGETED_KILLS = 3;
const TIMED_KILLS = 5;

interface KillOutcome {
  signal: string | null;
  report: 'old' | 'new' | 'other';
  /** A temp file was left behind: the kill landed after the write began and before the rename. */
  midWrite: boolean;
}

/** A billing monolith: FOLDERS domains of modules that import each other and query tables. */
function writeProject(root: string): void {
  writeFile(root, 'package.json', `${JSON.stringify({ name: 'billing-monolith', private: true, dependencies: { knex: '^3.1.0' } }, null, 2)}\n`);
  writeFile(root, 'src/db.ts', "import knex from 'knex';\n\nexport const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });\n");
  for (let index = 0; index < FILES; index++) {
    const folder = index % FOLDERS;
    const targets = [index + FOLDERS, index + 2 * FOLDERS, index * 7 + 1].filter((target) => target < FILES && target !== index);
    const imports = targets.map((target) => `import { handle${target} } from '../domain-${target % FOLDERS}/module-${target}.js';`);
    writeFile(
      root,
      `src/domain-${folder}/module-${index}.ts`,
      `${imports.join('\n')}
import { db } from '../db.js';

export async function handle${index}(id: string): Promise<unknown> {
${targets.map((target) => `  await handle${target}(id);`).join('\n')}
  return db('domain_${folder}_records_${index % 4}').where({ id }).first();
}
`,
    );
  }
}

function startAnalysis(root: string, out: string) {
  return spawn(process.execPath, [CLI, 'analyze', root, '--out', out, '--format', 'json', '--seed', '2'], {
    env: { ...process.env, CI: 'true' },
    stdio: 'ignore',
  });
}

/** Puts the previous report back, runs seams, lets `arm` kill it, and looks at what is left. */
async function runAndKill(root: string, out: string, previous: Buffer, next: Buffer, arm: (kill: () => void) => () => void) {
  const report = path.join(out, 'seams.json');
  for (const name of fs.readdirSync(out)) fs.rmSync(path.join(out, name));
  fs.writeFileSync(report, previous);
  const child = startAnalysis(root, out);
  const disarm = arm(() => child.kill('SIGKILL'));
  const signal = await new Promise<string | null>((resolve) => child.on('exit', (_, received) => resolve(received)));
  disarm();
  const content = fs.readFileSync(report);
  const outcome: KillOutcome = {
    signal,
    report: content.equals(previous) ? 'old' : content.equals(next) ? 'new' : 'other',
    midWrite: fs.readdirSync(out).some((name) => name.endsWith('.tmp')),
  };
  return outcome;
}

let root: string;
let out: string;
let previous: Buffer;
let next: Buffer;
let fullRunMs: number;

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  root = path.join(createTempDirectory('kill-mid-write'), 'billing-monolith');
  writeProject(root);
  out = path.join(createTempDirectory('kill-mid-write-out'), 'reports');
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, 'analyze', root, '--out', out, '--format', 'json', '--seed', '2'], {
    env: { ...process.env, CI: 'true' },
  });
  fullRunMs = Date.now() - started;
  expect(result.status).toBe(0);
  next = fs.readFileSync(path.join(out, 'seams.json'));
  const earlier = JSON.parse(next.toString('utf8'));
  earlier.options.seed = 1;
  previous = Buffer.from(`${JSON.stringify(earlier, null, 2)}\n`);
}, 300_000);

describe('a run killed while it writes its report', () => {
  it('leaves the previous report whole when killed the moment the write begins', async () => {
    const outcomes: KillOutcome[] = [];
    const hasHitTheWrite = () => outcomes.some((outcome) => outcome.midWrite);
    // A loaded machine may deliver the kill after the rename; try again a few times if so.
    for (let attempt = 0; attempt < TARGETED_KILLS || (!hasHitTheWrite() && attempt < 2 * TARGETED_KILLS); attempt++) {
      outcomes.push(
        await runAndKill(root, out, previous, next, (kill) => {
          const watcher = fs.watch(out, (_, name) => {
            if (name?.includes('seams.json')) kill();
          });
          return () => watcher.close();
        }),
      );
    }
    expect(outcomes.filter((outcome) => outcome.report === 'other')).toEqual([]);
    // The watcher saw the write start and the kill landed before the rename at least once;
    // a writer that wrote seams.json in place would never leave a temp file to see.
    expect(outcomes.filter((outcome) => outcome.midWrite && outcome.report === 'old').length).toBeGreaterThan(0);
  }, 300_000);

  it('leaves either the previous or the complete new report when killed at any moment', async () => {
    const outcomes: KillOutcome[] = [];
    for (let attempt = 0; attempt < TIMED_KILLS; attempt++) {
      const delay = Math.round(fullRunMs * ((attempt + 0.5) / TIMED_KILLS) * 1.1);
      outcomes.push(
        await runAndKill(root, out, previous, next, (kill) => {
          const timer = setTimeout(kill, delay);
          return () => clearTimeout(timer);
        }),
      );
    }
    expect(outcomes.map((outcome) => outcome.report).filter((report) => report === 'other')).toEqual([]);
  }, 300_000);
});
