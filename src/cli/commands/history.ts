import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { backfillHistory } from '../../trend/backfill-history.js';
import { getHistoryPath, HISTORY_FILE, readHistory } from '../../trend/history-store.js';
import { readBaseline } from '../../trend/baseline.js';
import { recordHead } from '../../trend/record-head.js';
import { renderHistoryTable } from '../../trend/render-history-table.js';
import { sortKeys } from '../../util/to-sorted-json.js';
import type { Analysis } from '../../types.js';
import { UsageError } from '../../util/errors.js';
import { type CliStreams, EXIT, isInteractive } from '../io.js';
import { parseInteger } from '../parse-numbers.js';
import { type AnalysisFlags, addAnalysisFlags, createAnalysisRunner, withSignalCleanup } from './check.js';

interface StoreFlags {
  store?: string;
}

interface BackfillFlags extends AnalysisFlags, StoreFlags {
  since: string;
  every: number;
  jobs: number;
}

export function registerHistory(program: Command, streams: CliStreams, setExit: (code: number) => void): void {
  const history = program.command('history').description(`record and show the figures per commit (${HISTORY_FILE} at the analysed root)`);

  const record = history
    .command('record')
    .description('analyse HEAD and add its record (replacing one for the same commit and config)')
    .argument('[path]', 'project folder', '.')
    .option('--store <file>', `history file (default: ${HISTORY_FILE} at the analysed root)`);
  addAnalysisFlags(record).action(async (root: string, flags: AnalysisFlags & StoreFlags) => {
    const run = createAnalysisRunner(root, flags, streams);
    const storeFile = getHistoryPath(path.resolve(root), flags.store);
    const analyzeAt = atBaselineResolution(root, run.analyzeAt);
    const result = await withSignalCleanup(() => recordHead({ root, storeFile, configHash: run.configHash, analyzeAt }));
    if (result.usedWorktree) streams.stderr.write('seams: source files differ from HEAD; analysed HEAD in a temporary worktree\n');
    const { metrics } = result.record;
    streams.stdout.write(
      `${result.outcome === 'added' ? 'Recorded' : 'Re-recorded'} ${result.record.sha.slice(0, 7)} in ${toDisplayPath(storeFile)}: ` +
        `${result.record.summary.services} services, modularity ${metrics.modularity.toFixed(4)}, ` +
        `${metrics.crossServiceEdges} cross-service edges, ${metrics.sharedTables} shared tables\n`,
    );
    setExit(EXIT.ok);
  });

  const backfill = history
    .command('backfill')
    .description('analyse past commits in temporary worktrees, oldest first; skips commits already recorded')
    .argument('[path]', 'project folder', '.')
    .requiredOption('--since <date|rev>', 'first commit to analyse: a revision (included) or a date such as 2024-01-31')
    .option('--every <n>', 'analyse every n-th commit, counted back from HEAD', parseInteger('--every', 1), 1)
    .option('--jobs <n>', 'worktrees analysed in parallel', parseInteger('--jobs', 1, 64), 1)
    .option('--store <file>', `history file (default: ${HISTORY_FILE} at the analysed root)`);
  addAnalysisFlags(backfill).action(async (root: string, flags: BackfillFlags) => {
    const run = createAnalysisRunner(root, flags, streams, { progress: false });
    const storeFile = getHistoryPath(path.resolve(root), flags.store);
    const showProgress = isInteractive(streams.stderr);
    const started = performance.now();
    const result = await withSignalCleanup(() =>
      backfillHistory({
        root,
        storeFile,
        since: flags.since,
        every: flags.every,
        jobs: flags.jobs,
        configHash: run.configHash,
        analyzeAt: atBaselineResolution(root, run.analyzeAt),
        onProgress: showProgress
          ? ({ done, total, sha }) => streams.stderr.write(`\r\u001b[2Kbackfill: ${renderBar(done, total)} ${done}/${total} ${sha.slice(0, 7)}`)
          : undefined,
      }),
    );
    if (showProgress) streams.stderr.write('\r\u001b[2K');
    const seconds = (performance.now() - started) / 1000;
    const perCommit = result.recorded.length > 0 ? `, ${(seconds / result.recorded.length).toFixed(2)} s per commit` : '';
    streams.stdout.write(
      `Backfilled ${toDisplayPath(storeFile)}: ${result.selected.length} commits selected, ${result.recorded.length} recorded, ` +
        `${result.skipped.length} already recorded` +
        (result.missing.length > 0 ? `, ${result.missing.length} from before the folder existed` : '') +
        (result.failed.length > 0 ? `, ${result.failed.length} failed` : '') +
        ` (${seconds.toFixed(1)} s${perCommit})\n`,
    );
    for (const failure of result.failed) streams.stderr.write(`seams: ${failure.sha.slice(0, 7)} not recorded: ${failure.message}\n`);
    setExit(EXIT.ok);
  });

  history
    .command('show')
    .description('print the recorded trend, oldest commit first')
    .argument('[path]', 'project folder', '.')
    .option('--json', 'print the records as a JSON array')
    .option('--store <file>', `history file (default: ${HISTORY_FILE} at the analysed root)`)
    .action((root: string, flags: StoreFlags & { json?: boolean }) => {
      if (!fs.existsSync(root)) throw new UsageError(`path not found: ${root}`);
      const records = readHistory(path.resolve(root), { file: flags.store });
      streams.stdout.write(flags.json ? `${JSON.stringify(records.map(sortKeys), null, 2)}\n` : renderHistoryTable(records));
      setExit(EXIT.ok);
    });
}

function renderBar(done: number, total: number, width = 20): string {
  const filled = Math.round((done / Math.max(1, total)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function toDisplayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/**
 * With a committed baseline, every commit is clustered at the baseline's resolution (unless one
 * is configured), as \`seams check\` does: the automatic resolution follows the graph's size, and
 * its small moves from commit to commit would show in the trend as changes that did not happen.
 */
function atBaselineResolution(root: string, analyzeAt: (folder: string, resolution?: number) => Promise<Analysis>): (folder: string) => Promise<Analysis> {
  const resolution = readBaseline(path.resolve(root))?.resolution;
  return (folder) => analyzeAt(folder, resolution);
}
