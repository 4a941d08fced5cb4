import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/trend/comparison.js';
import { computeConfigHash } from '../../src/trend/compute-config-hash.js';
import { runCli } from '../helpers/run-cli.js';
import { createGitRepo, type GitRepo } from '../trend/helpers/git-repo.js';
import { BILLING_CALLS_ORDERS, SHIPPING_WRITES_ORDERS, SHOP_FILES } from '../trend/helpers/shop-project.js';

const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-gate-'));
const repos: GitRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.dispose();
  fs.rmSync(outRoot, { recursive: true, force: true });
});

let savedSummary: string | undefined;
beforeEach(() => {
  savedSummary = process.env.GITHUB_STEP_SUMMARY;
  delete process.env.GITHUB_STEP_SUMMARY;
});
afterEach(() => {
  if (savedSummary === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = savedSummary;
});

/**
 * These tests are about the gate, not about granularity: the resolution is pinned so that the
 * shop's three 4-file services stay apart. (On 13 files the automatic resolution is coarse
 * enough that shipping writing the orders table merges shipment into order.)
 */
const GATE_TEST_CONFIG = { resolution: 0.7 };

function createShopRepo(extra: Record<string, string> = {}, config: Record<string, unknown> = {}): GitRepo {
  const settings = `${JSON.stringify({ ...GATE_TEST_CONFIG, ...config }, null, 2)}\n`;
  const repo = createGitRepo({ ...SHOP_FILES, 'seams.config.json': settings, ...extra });
  repo.commit('Shop API with orders, billing and shipping', '2024-03-01T10:00:00Z');
  repos.push(repo);
  return repo;
}

async function runCheck(repo: GitRepo, ...args: string[]): Promise<{ exitCode: number; comparison: Comparison; stderr: string; out: string }> {
  const out = fs.mkdtempSync(path.join(outRoot, 'out-'));
  const result = await runCli(['check', repo.root, '--format', 'json', '--out', out, '--no-workers', ...args]);
  return { exitCode: result.exitCode, comparison: result.stdout ? JSON.parse(result.stdout) : null, stderr: result.stderr, out };
}

async function writeBaseline(repo: GitRepo, ...args: string[]): Promise<string> {
  const result = await runCli(['baseline', repo.root, '--no-workers', ...args]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

function listWorktrees(repo: GitRepo): string[] {
  return repo
    .git(['worktree', 'list', '--porcelain'])
    .split('\n')
    .filter((line) => line.startsWith('worktree '));
}

describe('seams check against a committed baseline', () => {
  it('fails when a commit adds a cross-service dependency and a write to another service’s table', async () => {
    const repo = createShopRepo();
    await writeBaseline(repo);
    repo.commit('Add seams baseline', '2024-03-01T11:00:00Z');
    repo.write(SHIPPING_WRITES_ORDERS);
    repo.commit('Mark orders shipped from the shipping service', '2024-03-02T09:00:00Z');

    const { exitCode, comparison, out } = await runCheck(repo);

    expect(exitCode).toBe(1);
    expect(comparison.passed).toBe(false);
    expect(comparison.failures).toEqual([
      { kind: 'new-findings', count: 1, failOn: 'info' },
      { kind: 'modularity-drop', before: 0.5525, after: 0.4686, limit: 0.02 },
      { kind: 'cross-service-edge-growth', before: 1, after: 2, limitPercent: 5 },
      { kind: 'new-shared-tables', tables: ['orders'] },
    ]);
    expect(comparison.findings.added.map(({ kind, severity, services }) => ({ kind, severity, services }))).toEqual([
      { kind: 'shared-table', severity: 'high', services: ['order', 'shipping'] },
    ]);
    expect(comparison.counts).toEqual([{ kind: 'shared-table', before: 0, after: 1 }]);
    expect(comparison.sharedTables).toEqual({ added: ['orders'], removed: [] });
    expect(comparison.dependencies).toEqual({ added: [{ from: 'shipping', to: 'order', edges: 1 }], removed: [] });
    expect(fs.readFileSync(path.join(out, 'seams-check.md'), 'utf8')).toContain('## seams check: ❌ failed');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'seams.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('passes when a commit removes a cycle between services, and lists what went away', async () => {
    const repo = createShopRepo(BILLING_CALLS_ORDERS);
    await writeBaseline(repo);
    repo.write({ 'src/billing/invoice.service.ts': SHOP_FILES['src/billing/invoice.service.ts']! });
    repo.commit('Billing publishes payment instead of calling orders', '2024-03-02T09:00:00Z');

    const { exitCode, comparison } = await runCheck(repo);

    expect(exitCode).toBe(0);
    expect(comparison.failures).toEqual([]);
    const cycle = { id: expect.any(String), kind: 'cross-service-cycle', severity: 'medium', message: expect.any(String), services: ['billing', 'order'] };
    expect(comparison.findings).toEqual({ added: [], fixed: [cycle], moved: [], unchanged: 0, stale: [cycle] });
    expect(comparison.counts).toEqual([{ kind: 'cross-service-cycle', before: 1, after: 0 }]);
    expect(comparison.metrics.find((change) => change.metric === 'crossServiceEdges')).toEqual({
      metric: 'crossServiceEdges',
      before: 2,
      after: 1,
      delta: -1,
      regressed: false,
    });
    expect(comparison.dependencies).toEqual({ added: [], removed: [{ from: 'billing', to: 'order', edges: 1 }] });
  });

  it('passes a commit that only renames a file, with no new finding', async () => {
    const repo = createShopRepo(BILLING_CALLS_ORDERS);
    await writeBaseline(repo);
    repo.rename('src/billing/invoice.service.ts', 'src/billing/billing.service.ts');
    for (const importer of ['src/orders/order.service.ts', 'src/billing/invoice.router.ts']) {
      const text = fs.readFileSync(path.join(repo.root, importer), 'utf8');
      repo.write({ [importer]: text.replace(/invoice\.service\.js/g, 'billing.service.js') });
    }
    repo.commit('Rename invoice.service to billing.service', '2024-03-02T09:00:00Z');

    const { exitCode, comparison } = await runCheck(repo);

    expect(exitCode).toBe(0);
    expect(comparison.failures).toEqual([]);
    expect(comparison.findings).toEqual({ added: [], fixed: [], moved: [], unchanged: 1, stale: [] });
    expect(comparison.counts).toEqual([{ kind: 'cross-service-cycle', before: 1, after: 1 }]);
    expect(comparison.metrics.filter((change) => change.delta !== 0)).toEqual([]);
  });

  it('reports baseline entries that no longer reproduce as stale, keeps them on refresh and drops them with --prune', async () => {
    const repo = createShopRepo();
    await writeBaseline(repo);
    const file = path.join(repo.root, 'seams-baseline.json');
    const baseline = JSON.parse(fs.readFileSync(file, 'utf8'));
    const gone = {
      id: '5f1c0e3a9b7d2c41',
      kind: 'shared-table',
      severity: 'high',
      message: 'Table invoices is written by 2 services (billing and order)',
      services: ['billing', 'order'],
    };
    baseline.findings.push(gone);
    fs.writeFileSync(file, JSON.stringify(baseline));

    const { exitCode, comparison } = await runCheck(repo);
    expect(exitCode).toBe(0);
    expect(comparison.findings.stale).toEqual([gone]);
    expect(comparison.findings.fixed).toEqual([gone]);

    expect(await writeBaseline(repo)).toContain('Kept 1 stale entry');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).findings).toContainEqual(gone);
    expect(await writeBaseline(repo, '--prune')).toContain('Pruned 1 stale entry');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).findings).not.toContainEqual(gone);
  });

  it('lets flags raise the thresholds so the same change passes', async () => {
    const repo = createShopRepo();
    await writeBaseline(repo);
    repo.write(SHIPPING_WRITES_ORDERS);
    repo.commit('Mark orders shipped from the shipping service', '2024-03-02T09:00:00Z');

    const { exitCode, comparison } = await runCheck(
      repo,
      '--max-modularity-drop',
      '0.1',
      '--max-edge-growth',
      '100',
      '--allow-new-shared-tables',
      '--fail-on',
      'none',
    );

    expect(comparison.failures).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('reads thresholds from the gate key of seams.config.json, and lets flags override them', async () => {
    const repo = createShopRepo({}, {
      gate: { maxModularityDrop: 0.1, maxEdgeGrowthPercent: 100, failOnNewSharedTable: false, failOn: 'none' },
    });
    await writeBaseline(repo);
    repo.write(SHIPPING_WRITES_ORDERS);
    repo.commit('Mark orders shipped from the shipping service', '2024-03-02T09:00:00Z');

    const relaxed = await runCheck(repo);
    expect(relaxed.comparison.thresholds).toEqual({ maxModularityDrop: 0.1, maxEdgeGrowthPercent: 100, failOnNewSharedTable: false, failOn: 'none' });
    expect(relaxed.exitCode).toBe(0);

    const strict = await runCheck(repo, '--fail-on', 'high');
    expect(strict.comparison.failures).toEqual([{ kind: 'new-findings', count: 1, failOn: 'high' }]);
    expect(strict.exitCode).toBe(1);
  });

  it('clusters at the baseline’s resolution when none is configured, so that the automatic one cannot reshuffle services', async () => {
    const repo = createShopRepo({ 'seams.config.json': '{}\n' });
    await writeBaseline(repo);
    const baselineFile = path.join(repo.root, 'seams-baseline.json');
    const baseline = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));
    // The automatic resolution of this small project, well below the one set next.
    expect(baseline.resolution).toBeLessThan(1);
    // As if the baseline had been clustered when the project was larger.
    fs.writeFileSync(baselineFile, `${JSON.stringify({ ...baseline, resolution: 2 }, null, 2)}\n`);
    const atTwo = await runCli(['analyze', repo.root, '--json', '--resolution', '2', '--out', path.join(outRoot, 'at-two'), '--no-workers']);

    const { comparison } = await runCheck(repo);

    expect(comparison.notes).toEqual(['clustered at resolution 2, as seams-baseline.json was, so that unchanged services stay comparable']);
    expect(comparison.metrics.find((change) => change.metric === 'modularity')?.after).toBe(JSON.parse(atTwo.stdout).metrics.modularity);
  });

  it('notes when the baseline was written with other analysis options', async () => {
    const repo = createShopRepo();
    await writeBaseline(repo);

    const { comparison } = await runCheck(repo, '--seeds', '3');

    expect(comparison.notes).toEqual([
      `seams-baseline.json was written with other analysis options (config ${computeConfigHash(GATE_TEST_CONFIG)}, now ${computeConfigHash({ ...GATE_TEST_CONFIG, seeds: 3 })}); refresh it with \`seams baseline\``,
    ]);
  });

  it('appends the Markdown summary to $GITHUB_STEP_SUMMARY', async () => {
    const repo = createShopRepo();
    await writeBaseline(repo);
    const summary = path.join(outRoot, 'step-summary.md');
    fs.writeFileSync(summary, '# Build\n');
    process.env.GITHUB_STEP_SUMMARY = summary;

    const { exitCode, out } = await runCheck(repo);

    expect(exitCode).toBe(0);
    expect(fs.readFileSync(summary, 'utf8')).toBe(`# Build\n${fs.readFileSync(path.join(out, 'seams-check.md'), 'utf8')}\n`);
  });
});

describe('seams check --against a revision', () => {
  it('analyses the other revision in a temporary worktree and removes it afterwards', async () => {
    const repo = createShopRepo();
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.write(SHIPPING_WRITES_ORDERS);
    repo.commit('Mark orders shipped from the shipping service', '2024-03-02T09:00:00Z');

    const { exitCode, comparison } = await runCheck(repo, '--against', 'HEAD~1');

    expect(exitCode).toBe(1);
    expect(comparison.against).toEqual({ kind: 'revision', revision: 'HEAD~1', sha: base });
    expect(comparison.findings.stale).toEqual([]);
    expect(comparison.failures.map((failure) => failure.kind)).toEqual(
      expect.arrayContaining(['modularity-drop', 'cross-service-edge-growth', 'new-shared-tables']),
    );
    expect(listWorktrees(repo)).toEqual([`worktree ${repo.root}`]);
  });

  it('runs no git hook of the repository while checking out the other revision', async () => {
    const repo = createShopRepo();
    const marker = path.join(outRoot, `hook-ran-${path.basename(repo.root)}`);
    fs.writeFileSync(path.join(repo.root, '.git/hooks/post-checkout'), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });

    const { exitCode } = await runCheck(repo, '--against', 'HEAD');

    expect(exitCode).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('prefers a committed baseline and says so', async () => {
    const repo = createShopRepo();
    await writeBaseline(repo);

    const { exitCode, comparison } = await runCheck(repo, '--against', 'HEAD');

    expect(exitCode).toBe(0);
    expect(comparison.against).toEqual({ kind: 'baseline', file: 'seams-baseline.json', toolVersion: expect.any(String) });
    expect(comparison.notes).toEqual(['seams-baseline.json is committed, so it is used instead of --against HEAD']);
  });

  it('removes the worktree also when the other revision cannot be analysed', async () => {
    const repo = createGitRepo({ 'README.md': '# shop\n' });
    repos.push(repo);
    repo.commit('Initial commit', '2024-02-01T10:00:00Z');
    repo.write(Object.fromEntries(Object.entries(SHOP_FILES).map(([file, text]) => [`services/api/${file}`, text])));
    repo.commit('Add the API service', '2024-03-01T10:00:00Z');

    const result = await runCli(['check', path.join(repo.root, 'services/api'), '--against', 'HEAD~1', '--out', outRoot, '--no-workers']);

    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'seams: services/api does not exist at HEAD~1\n' });
    expect(listWorktrees(repo)).toEqual([`worktree ${repo.root}`]);
  });

  it('exits 2 when there is neither a baseline nor --against', async () => {
    const repo = createShopRepo();
    const result = await runCli(['check', repo.root, '--out', outRoot, '--no-workers']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `seams: no seams-baseline.json in ${repo.root}: create one with \`seams baseline\`, or compare with a revision: seams check --against origin/main\n`,
    );
  });
});
