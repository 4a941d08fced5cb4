import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { MIN_AUTO_RESOLUTION } from '../../src/cluster/choose-resolution.js';
import { DEFAULT_WEIGHTS } from '../../src/config/defaults.js';
import { computeConfigHash } from '../../src/trend/compute-config-hash.js';
import { createHistoryRecord, type HistoryRecord } from '../../src/trend/history-record.js';
import { readHistory } from '../../src/trend/history-store.js';
import { runCli } from '../helpers/run-cli.js';
import { createGitRepo, type GitRepo } from './helpers/git-repo.js';
import { BILLING_CALLS_ORDERS, SHIPPING_WRITES_ORDERS, SHOP_FILES } from './helpers/shop-project.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-backfill-'));
let repo: GitRepo;
/** Five commits a week apart: base, a cycle, a rename, a shared table, the cycle removed. */
let commits: string[];

beforeAll(() => {
  repo = createGitRepo(SHOP_FILES);
  commits = [repo.commit('Shop API', '2024-01-05T10:00:00Z')];
  repo.write(BILLING_CALLS_ORDERS);
  commits.push(repo.commit('Mark orders paid from billing', '2024-01-12T10:00:00Z'));
  repo.rename('src/orders/order.router.ts', 'src/orders/order.routes.ts');
  commits.push(repo.commit('Rename the order router', '2024-01-19T10:00:00Z'));
  repo.write(SHIPPING_WRITES_ORDERS);
  commits.push(repo.commit('Mark orders shipped from shipping', '2024-01-26T10:00:00Z'));
  repo.write({ 'src/billing/invoice.service.ts': SHOP_FILES['src/billing/invoice.service.ts']! });
  commits.push(repo.commit('Billing no longer calls orders', '2024-02-02T10:00:00Z'));
});
afterAll(() => {
  repo.dispose();
  fs.rmSync(temporary, { recursive: true, force: true });
});

function createStore(name: string): string {
  return path.join(temporary, name, 'history.jsonl');
}

async function backfill(store: string, ...args: string[]) {
  return runCli(['history', 'backfill', repo.root, '--store', store, '--no-workers', ...args]);
}

/** What a person gets by checking the commit out in a clone of their own and analysing it. */
async function analyzeByHand(sha: string): Promise<HistoryRecord> {
  const clone = path.join(fs.mkdtempSync(path.join(temporary, 'clone-')), 'shop');
  execFileSync('git', ['clone', '--quiet', repo.root, clone]);
  execFileSync('git', ['checkout', '--quiet', '--detach', sha], { cwd: clone });
  const date = execFileSync('git', ['show', '-s', '--format=%cI', sha], { cwd: clone, encoding: 'utf8' }).trim();
  return createHistoryRecord(await analyze({ root: clone, workers: false }), { sha, date }, computeConfigHash({}));
}

describe('seams history backfill', () => {
  it('records one record per commit since a revision, oldest first, with the figures of analysing each commit by hand', async () => {
    const store = createStore('since-revision');
    const result = await backfill(store, '--since', commits[1]!);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Backfilled .*: 4 commits selected, 4 recorded, 0 already recorded \(/);
    const records = readHistory(repo.root, { file: store });
    expect(records.map((record) => record.sha)).toEqual(commits.slice(1));
    for (const record of records) expect(record).toEqual(await analyzeByHand(record.sha));
    expect(records[0]!.findings['cross-service-cycle']).toBe(1);
    expect(records[3]!.findings['cross-service-cycle']).toBeUndefined();
  });

  it('takes every n-th commit counted back from HEAD', async () => {
    const store = createStore('every');
    expect((await backfill(store, '--since', commits[0]!, '--every', '2')).exitCode).toBe(0);
    expect(readHistory(repo.root, { file: store }).map((record) => record.sha)).toEqual([commits[0], commits[2], commits[4]]);
  });

  it('accepts a date for --since', async () => {
    const store = createStore('since-date');
    expect((await backfill(store, '--since', '2024-01-20')).exitCode).toBe(0);
    expect(readHistory(repo.root, { file: store }).map((record) => record.sha)).toEqual([commits[3], commits[4]]);
  });

  it('resumes after an interruption: commits already recorded are skipped and left as they are', async () => {
    const store = createStore('resume');
    await backfill(store, '--since', commits[3]!);
    const before = fs.readFileSync(store, 'utf8');

    const result = await backfill(store, '--since', commits[0]!);

    expect(result.stdout).toMatch(/: 5 commits selected, 3 recorded, 2 already recorded \(/);
    expect(fs.readFileSync(store, 'utf8').startsWith(before)).toBe(true);
    expect(readHistory(repo.root, { file: store }).map((record) => record.sha)).toEqual(commits);
  });

  it('gives the same records with parallel worktrees, and leaves no worktree behind', async () => {
    const sequential = createStore('jobs-1');
    const parallel = createStore('jobs-3');
    await backfill(sequential, '--since', commits[0]!);
    expect((await backfill(parallel, '--since', commits[0]!, '--jobs', '3')).exitCode).toBe(0);
    expect(readHistory(repo.root, { file: parallel })).toEqual(readHistory(repo.root, { file: sequential }));
    expect(repo.git(['worktree', 'list', '--porcelain']).split('\n').filter((line) => line.startsWith('worktree '))).toEqual([
      `worktree ${repo.root}`,
    ]);
  });

  it('skips commits from before the analysed folder existed', async () => {
    const monorepo = createGitRepo({ 'README.md': '# platform\n' });
    try {
      const first = monorepo.commit('Initial commit', '2024-01-01T10:00:00Z');
      monorepo.write(Object.fromEntries(Object.entries(SHOP_FILES).map(([file, text]) => [`services/shop/${file}`, text])));
      const second = monorepo.commit('Add the shop service', '2024-01-02T10:00:00Z');
      const store = createStore('monorepo');
      const result = await runCli(['history', 'backfill', path.join(monorepo.root, 'services/shop'), '--since', first, '--store', store, '--no-workers']);
      expect(result.stdout).toMatch(/: 2 commits selected, 1 recorded, 0 already recorded, 1 from before the folder existed \(/);
      expect(readHistory(monorepo.root, { file: store }).map((record) => record.sha)).toEqual([second]);
    } finally {
      monorepo.dispose();
    }
  });

  it('says which argument is wrong when --since is neither a revision nor a date', async () => {
    const result = await backfill(createStore('bad-since'), '--since', 'last-release');
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'seams: --since last-release: neither a git revision nor a date (use YYYY-MM-DD or a revision)\n',
    });
  });
});

describe('seams history record and show', () => {
  it('records HEAD once per commit and config, replacing on a second run', async () => {
    const store = createStore('record');
    const first = await runCli(['history', 'record', repo.root, '--store', store, '--no-workers']);
    const second = await runCli(['history', 'record', repo.root, '--store', store, '--no-workers']);
    const byHand = await analyzeByHand(commits[4]!);
    expect(first.stdout).toMatch(new RegExp(`^Recorded ${commits[4]!.slice(0, 7)} in .*: ${byHand.summary.services} services, modularity `));
    expect(second.stdout).toMatch(new RegExp(`^Re-recorded ${commits[4]!.slice(0, 7)} in `));
    expect(fs.readFileSync(store, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readHistory(repo.root, { file: store })).toEqual([byHand]);
  });

  it('records HEAD, not the edited working tree, when source files have local changes', async () => {
    const store = createStore('record-dirty');
    const file = path.join(repo.root, 'src/billing/invoice.service.ts');
    const committed = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, BILLING_CALLS_ORDERS['src/billing/invoice.service.ts']!);
    try {
      const result = await runCli(['history', 'record', repo.root, '--store', store, '--no-workers']);
      expect(result.stderr).toBe('seams: source files differ from HEAD; analysed HEAD in a temporary worktree\n');
    } finally {
      fs.writeFileSync(file, committed);
    }
    expect(readHistory(repo.root, { file: store })).toEqual([await analyzeByHand(commits[4]!)]);
  });

  it('shows the trend as a table, and as JSON for scripts', async () => {
    const store = createStore('show');
    await backfill(store, '--since', commits[2]!);
    const table = await runCli(['history', 'show', repo.root, '--store', store]);
    const rows = readHistory(repo.root, { file: store }).map((record) =>
      [
        record.date.slice(0, 10),
        record.sha.slice(0, 7),
        String(record.summary.services).padStart(8),
        String(record.summary.files).padStart(5),
        record.metrics.modularity.toFixed(4).padStart(10),
        String(record.metrics.crossServiceEdges).padStart(11),
        String(record.metrics.sharedTables).padStart(13),
        String(Object.values(record.findings).reduce((sum, count) => sum + count, 0)).padStart(8),
      ].join('  '),
    );
    expect(rows.map((row) => row.slice(0, 19))).toEqual([
      `2024-01-19  ${commits[2]!.slice(0, 7)}`,
      `2024-01-26  ${commits[3]!.slice(0, 7)}`,
      `2024-02-02  ${commits[4]!.slice(0, 7)}`,
    ]);
    expect(table.stdout).toBe(`${['date        commit   services  files  modularity  cross edges  shared tables  findings', ...rows].join('\n')}\n`);
    const json = await runCli(['history', 'show', repo.root, '--store', store, '--json']);
    expect(JSON.parse(json.stdout)).toEqual(readHistory(repo.root, { file: store }));
  });
});

describe('seams history with a committed baseline', () => {
  it('clusters every commit at the baseline’s resolution when none is configured', async () => {
    // Shipping writing the orders table: at the automatic floor shipment merges into order, at 0.7 not.
    // Folder ties would keep src/shipping/ apart at both resolutions, so this shop turns them off.
    const shop = createGitRepo({ ...SHOP_FILES, ...SHIPPING_WRITES_ORDERS, 'seams.config.json': '{ "weights": { "folder": 0 } }\n' });
    try {
      const first = shop.commit('Shop API', '2024-01-05T10:00:00Z');
      await runCli(['baseline', shop.root, '--no-workers']);
      const baselineFile = path.join(shop.root, 'seams-baseline.json');
      const baseline = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));
      expect(baseline.resolution).toBe(MIN_AUTO_RESOLUTION);
      // As if the baseline had been clustered when the project was larger.
      fs.writeFileSync(baselineFile, `${JSON.stringify({ ...baseline, resolution: 0.7 }, null, 2)}\n`);
      shop.commit('Add the seams baseline', '2024-01-06T10:00:00Z');
      const store = path.join(temporary, 'with-baseline', 'history.jsonl');

      const result = await runCli(['history', 'backfill', shop.root, '--since', first, '--store', store, '--no-workers']);

      expect(result.exitCode).toBe(0);
      const weights = { ...DEFAULT_WEIGHTS, folder: 0 };
      const pinned = createHistoryRecord(await analyze({ root: shop.root, workers: false, resolution: 0.7, weights }), { sha: '', date: '' }, '');
      const automatic = createHistoryRecord(await analyze({ root: shop.root, workers: false, weights }), { sha: '', date: '' }, '');
      expect(pinned.metrics).not.toEqual(automatic.metrics);
      expect(readHistory(shop.root, { file: store }).map((record) => record.metrics)).toEqual([pinned.metrics, pinned.metrics]);
    } finally {
      shop.dispose();
    }
  });
});
