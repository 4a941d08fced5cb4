import fs from 'node:fs';
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { AnalyzeOptions } from '../../analyze.js';
import { loadConfig } from '../../config/load-config.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { renderSarif } from '../../report/render-sarif.js';
import { analyzeRevision } from '../../trend/analyze-revision.js';
import { BASELINE_FILE, readBaseline } from '../../trend/baseline.js';
import { compareWithSnapshot } from '../../trend/compare-with-snapshot.js';
import type { ComparisonTarget } from '../../trend/comparison.js';
import { computeConfigHash } from '../../trend/compute-config-hash.js';
import { type GateThresholds, resolveGateThresholds } from '../../trend/gate-thresholds.js';
import { findGitLocation } from '../../trend/git.js';
import { renderCheckText } from '../../trend/render-check-text.js';
import { type Snapshot, toSnapshot } from '../../trend/snapshot.js';
import { toSortedJson } from '../../util/to-sorted-json.js';
import { removeActiveWorktreesSync } from '../../trend/worktree.js';
import type { Analysis, Severity } from '../../types.js';
import { UsageError } from '../../util/errors.js';
import { isInside } from '../../util/paths.js';
import { getToolVersion } from '../../util/tool-version.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { type CliStreams, EXIT, isInteractive } from '../io.js';
import { type AnalysisFlags, addAnalysisFlags } from '../analysis-flags.js';
import { loadOptions } from '../load-options.js';
import { createProgressPrinter } from '../progress-printer.js';
import { runAnalysis } from '../run-analysis.js';

export { type AnalysisFlags, addAnalysisFlags } from '../analysis-flags.js';

interface CheckFlags extends AnalysisFlags {
  against?: string;
  format: 'text' | 'md' | 'json';
  out: string;
  maxModularityDrop?: number;
  maxEdgeGrowth?: number;
  allowNewSharedTables?: boolean;
  failOn?: Severity | 'none';
}

export function registerCheck(program: Command, streams: CliStreams, setExit: (code: number) => void): void {
  const command = program
    .command('check')
    .description(`fail (exit 1) when coupling grew since ${BASELINE_FILE} or another revision`)
    .argument('[path]', 'project folder', '.')
    .option('--against <rev>', `compare with this git revision (analysed in a temporary worktree) when no ${BASELINE_FILE} is committed`)
    .addOption(new Option('--format <format>', 'what to print on stdout').choices(['text', 'md', 'json']).default('text'))
    .option('--out <dir>', 'folder for seams-check.md and seams.sarif', 'reports')
    .option('--max-modularity-drop <n>', 'fail when modularity falls by more than n (default 0.02)', parseNonNegative('--max-modularity-drop'))
    .option('--max-edge-growth <percent>', 'fail when cross-service edges grow by more than this percentage (default 5)', parseNonNegative('--max-edge-growth'))
    .option('--allow-new-shared-tables', 'do not fail when a table becomes shared between services')
    .addOption(new Option('--fail-on <severity>', 'fail on new findings of this severity or higher (default info)').choices(['high', 'medium', 'low', 'info', 'none']));
  addAnalysisFlags(command).action(async (root: string, flags: CheckFlags) => {
    const run = createAnalysisRunner(root, flags, streams);
    const realRoot = fs.realpathSync(path.resolve(root));
    const { before, target, notes, resolution } = await getComparisonBase(realRoot, flags.against, run);
    const analysis = await run.analyzeAt(root, resolution);
    if (resolution !== undefined && run.resolutionIsAutomatic) {
      notes.push(`clustered at resolution ${resolution}, as ${target.kind === 'baseline' ? BASELINE_FILE : target.revision} was, so that unchanged services stay comparable`);
    }
    const thresholds = resolveGateThresholds(run.gate, {
      maxModularityDrop: flags.maxModularityDrop,
      maxEdgeGrowthPercent: flags.maxEdgeGrowth,
      failOnNewSharedTable: flags.allowNewSharedTables ? false : undefined,
      failOn: flags.failOn,
    });
    const comparison = compareWithSnapshot(before, analysis, thresholds, target, notes);

    const markdown = renderMarkdown(comparison);
    const outDirectory = path.resolve(flags.out);
    writeFileAtomic(path.join(outDirectory, 'seams-check.md'), markdown);
    const uriPrefix = findGitLocation(realRoot)?.relative ?? '';
    writeFileAtomic(path.join(outDirectory, 'seams.sarif'), renderSarif(analysis, { uriPrefix, comparison }));
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendStepSummary(summaryFile, markdown);

    if (flags.format === 'md') streams.stdout.write(markdown);
    else if (flags.format === 'json') streams.stdout.write(toSortedJson(comparison));
    else streams.stdout.write(renderCheckText(comparison, { color: isInteractive(streams.stdout) }));
    setExit(comparison.passed ? EXIT.ok : EXIT.gateFailed);
  });
}

async function getComparisonBase(
  realRoot: string,
  against: string | undefined,
  run: AnalysisRunner,
): Promise<{ before: Snapshot; target: ComparisonTarget; notes: string[]; resolution: number | undefined }> {
  const baseline = readBaseline(realRoot);
  if (baseline) {
    const notes: string[] = [];
    if (against) notes.push(`${BASELINE_FILE} is committed, so it is used instead of --against ${against}`);
    if (baseline.configHash !== run.configHash) {
      notes.push(`${BASELINE_FILE} was written with other analysis options (config ${baseline.configHash}, now ${run.configHash}); refresh it with \`seams baseline\``);
    }
    if (baseline.tool.version !== run.toolVersion) {
      notes.push(`${BASELINE_FILE} was written by seams ${baseline.tool.version}, this is ${run.toolVersion}; figures may differ`);
    }
    return {
      before: baseline,
      target: { kind: 'baseline', file: BASELINE_FILE, toolVersion: baseline.tool.version },
      notes,
      resolution: baseline.resolution,
    };
  }
  if (!against) {
    throw new UsageError(`no ${BASELINE_FILE} in ${realRoot}: create one with \`seams baseline\`, or compare with a revision: seams check --against origin/main`);
  }
  const { sha, analysis } = await withSignalCleanup(() => analyzeRevision(realRoot, against, run.analyzeAt));
  return { before: toSnapshot(analysis), target: { kind: 'revision', revision: against, sha }, notes: [], resolution: analysis.options.resolution ?? undefined };
}

function appendStepSummary(file: string, markdown: string): void {
  try {
    fs.appendFileSync(file, `${markdown}\n`);
  } catch (error) {
    throw new UsageError(`cannot append to $GITHUB_STEP_SUMMARY (${file}): ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

export interface AnalysisRunner {
  /**
   * Analyses a folder with the options of the run: the current root or the same root in a
   * worktree. `resolution` is used when the options leave the resolution automatic.
   */
  analyzeAt(root: string, resolution?: number): Promise<Analysis>;
  /** Whether neither a resolution nor a number of services is configured. */
  resolutionIsAutomatic: boolean;
  configHash: string;
  toolVersion: string;
  /** The config's `gate` thresholds, when it has them (flags override them). */
  gate: Partial<GateThresholds> | undefined;
}

/**
 * One set of options for every analysis of a run, so a past commit is measured exactly like
 * the present one. A tsconfig inside the root is re-based onto a worktree's copy of the root.
 */
export function createAnalysisRunner(root: string, flags: AnalysisFlags, streams: CliStreams, display: { progress?: boolean } = {}): AnalysisRunner {
  const { request, warnings } = loadOptions(root, flags);
  for (const warning of warnings) streams.stderr.write(`seams: ${warning}\n`);
  const mainRoot = path.resolve(root);
  const { root: _root, ...options } = request;
  const tsconfig = options.tsconfig && isInside(mainRoot, options.tsconfig) ? path.relative(mainRoot, options.tsconfig) : null;
  const configHash = computeConfigHash({ ...options, tsconfig: tsconfig ? tsconfig.split(path.sep).join('/') : (options.tsconfig ?? null) });
  // Per-stage progress would fight with a caller's own progress line (backfill) for the terminal.
  const printer = display.progress === false ? { listener: () => {}, clear() {} } : createProgressPrinter(streams);
  const resolutionIsAutomatic = (options.resolution ?? null) === null && !options.targetServices;
  return {
    configHash,
    toolVersion: getToolVersion(),
    gate: loadConfig(mainRoot, flags.config).config.gate,
    resolutionIsAutomatic,
    async analyzeAt(folder: string, resolution?: number) {
      const rebased: Omit<AnalyzeOptions, 'progress'> = {
        ...options,
        ...(resolutionIsAutomatic && resolution !== undefined ? { resolution } : {}),
        root: folder,
        tsconfig: tsconfig ? path.join(folder, tsconfig) : options.tsconfig,
        workers: flags.workers,
        threads: flags.threads,
      };
      try {
        return await runAnalysis(rebased, printer.listener);
      } finally {
        printer.clear();
      }
    },
  };
}

/** Removes temporary worktrees when the user interrupts, then exits as interrupted. */
export async function withSignalCleanup<T>(use: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    removeActiveWorktreesSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await use();
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

function parseNonNegative(name: string) {
  return (value: string): number => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new InvalidArgumentError(`${name} must be a number of 0 or more`);
    return number;
  };
}
