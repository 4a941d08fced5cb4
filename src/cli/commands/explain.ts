import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { explain } from '../../report/explain/get-explanation.js';
import { renderExplanation } from '../../report/explain/render-explanation.js';
import type { Analysis } from '../../types.js';
import { UsageError } from '../../util/errors.js';
import { toRelative } from '../../util/paths.js';
import { type CliStreams, EXIT } from '../io.js';
import { type AnalysisFlags, addAnalysisFlags } from '../analysis-flags.js';
import { loadOptions } from '../load-options.js';
import { createProgressPrinter } from '../progress-printer.js';
import { runAnalysis } from '../run-analysis.js';

interface ExplainFlags extends AnalysisFlags {
  json?: boolean;
  from?: string;
}

export function registerExplain(program: Command, streams: CliStreams, setExit: (code: number) => void): void {
  addAnalysisFlags(program.command('explain'))
    .description('explain why a file sits where it does, who reads and writes a table, or what a service depends on')
    .argument('<target>', 'a file (path from the project root), a table or a service; prefix file:, table: or service: to choose')
    .argument('[path]', 'project folder', '.')
    .option('--json', 'print the explanation as JSON')
    .option('--from <report>', 'explain an existing seams.json instead of analysing again')
    .action(async (target: string, root: string, flags: ExplainFlags) => {
      const analysis = flags.from ? readReport(flags.from) : await analyse(root, flags, streams);
      const explanation = explain(analysis, toRootRelative(target, root));
      streams.stdout.write(flags.json ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation));
      setExit(EXIT.ok);
    });
}

async function analyse(root: string, flags: ExplainFlags, streams: CliStreams): Promise<Analysis> {
  const { request, warnings } = loadOptions(root, flags);
  for (const warning of warnings) streams.stderr.write(`seams: ${warning}\n`);
  const printer = createProgressPrinter(streams);
  const analysis = await runAnalysis({ ...request, workers: flags.workers, threads: flags.threads }, printer.listener);
  printer.clear();
  return analysis;
}

function readReport(file: string): Analysis {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: cannot read the report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const report = value as Partial<Analysis>;
  if (!report || typeof report !== 'object' || !Array.isArray(report.files) || !Array.isArray(report.services)) {
    throw new UsageError(`${file}: not a seams report (run seams analyze first)`);
  }
  return report as Analysis;
}

/** A path the user typed from the current folder (`../app/src/x.ts`) becomes root-relative; names stay as they are. */
function toRootRelative(target: string, root: string): string {
  if (/^(file|table|service):/.test(target) || !fs.existsSync(target) || !fs.statSync(target).isFile()) return target;
  const absoluteRoot = fs.realpathSync(path.resolve(root));
  const absolute = fs.realpathSync(path.resolve(target));
  const relative = toRelative(absoluteRoot, absolute);
  return relative.startsWith('..') ? target : relative;
}
