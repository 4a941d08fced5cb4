import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BASELINE_FILE, type Baseline, NewerBaselineError, createBaseline, getBaselinePath, readBaseline, renderBaseline } from '../../trend/baseline.js';
import { isUsageError, toErrorMessage } from '../../util/errors.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { type CliStreams, EXIT } from '../io.js';
import { type AnalysisFlags, addAnalysisFlags, createAnalysisRunner } from './check.js';

interface BaselineFlags extends AnalysisFlags {
  prune?: boolean;
}

export function registerBaseline(program: Command, streams: CliStreams, setExit: (code: number) => void): void {
  const command = program
    .command('baseline')
    .description(`write or refresh ${BASELINE_FILE} at the analysed root: what \`seams check\` compares with (commit it)`)
    .argument('[path]', 'project folder', '.')
    .option('--prune', 'drop entries that no longer reproduce (kept by default)');
  addAnalysisFlags(command).action(async (root: string, flags: BaselineFlags) => {
    const run = createAnalysisRunner(root, flags, streams);
    const analysis = await run.analyzeAt(root);
    const realRoot = fs.realpathSync(path.resolve(root));
    const previous = readPreviousBaseline(realRoot, streams);
    const update = createBaseline(analysis, run.configHash, previous, !!flags.prune);
    const file = getBaselinePath(realRoot);
    writeFileAtomic(file, renderBaseline(update.baseline));

    const { metrics, findings } = update.baseline;
    const where = path.relative(process.cwd(), file) || BASELINE_FILE;
    streams.stdout.write(
      `${previous ? 'Refreshed' : 'Wrote'} ${where}: ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}` +
        (previous ? ` (${update.added.length} new)` : '') +
        `, modularity ${metrics.modularity.toFixed(4)}, ${metrics.crossServiceEdges} cross-service edges, ${metrics.sharedTables} shared tables\n`,
    );
    if (update.kept.length > 0) {
      streams.stdout.write(`Kept ${update.kept.length} stale ${update.kept.length === 1 ? 'entry' : 'entries'} that no longer reproduce; \`seams baseline --prune\` drops them\n`);
    }
    if (update.pruned.length > 0) streams.stdout.write(`Pruned ${update.pruned.length} stale ${update.pruned.length === 1 ? 'entry' : 'entries'}\n`);
    setExit(EXIT.ok);
  });
}

/** A broken baseline is replaced rather than blocking the command that repairs it. */
function readPreviousBaseline(root: string, streams: CliStreams): Baseline | null {
  try {
    return readBaseline(root);
  } catch (error) {
    if (!isUsageError(error) || error instanceof NewerBaselineError) throw error;
    streams.stderr.write(`seams: replacing unreadable ${BASELINE_FILE} (${toErrorMessage(error)})\n`);
    return null;
  }
}
