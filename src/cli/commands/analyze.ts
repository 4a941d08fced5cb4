import path from 'node:path';
import type { Command } from 'commander';
import { checkRenderOptions, DEFAULT_FORMATS, FORMATS, parseFormats, RENDERERS } from '../../report/index.js';
import { renderJson } from '../../report/render-json.js';
import { renderTerminal } from '../../report/render-terminal.js';
import type { TrendPoint } from '../../report/html/report-data.js';
import { readHistory } from '../../trend/history-store.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { type CliStreams, EXIT, isInteractive } from '../io.js';
import { loadOptions, type OptionFlags } from '../load-options.js';
import { addAnalysisFlags } from '../analysis-flags.js';
import { createProgressPrinter } from '../progress-printer.js';
import { runAnalysis } from '../run-analysis.js';

interface AnalyzeFlags extends OptionFlags {
  json?: boolean;
  out: string;
  format: string;
  detail?: string;
  timings?: boolean;
  workers: boolean;
  threads?: number;
}

export function registerAnalyze(program: Command, streams: CliStreams, setExit: (code: number) => void): void {
  addAnalysisFlags(program.command('analyze'))
    .description('analyse a project and propose candidate services')
    .argument('[path]', 'project folder', '.')
    .option('--json', 'print the JSON analysis to stdout instead of the summary')
    .option('--out <dir>', 'folder for reports', 'reports')
    .option('--format <list>', `reports to write, comma-separated: ${FORMATS.join(', ')}`, DEFAULT_FORMATS.join(','))
    .option('--detail <service>', 'with --format dot or mermaid: draw this service’s files and their border crossings')
    .option('--timings', 'add per-stage time and memory to the output')
    .action(async (root: string, flags: AnalyzeFlags) => {
      const formats = parseFormats(flags.format);
      const { request, warnings } = loadOptions(root, flags);
      for (const warning of warnings) streams.stderr.write(`seams: ${warning}\n`);
      const printer = createProgressPrinter(streams);
      const analysis = await runAnalysis({ ...request, timings: flags.timings, workers: flags.workers, threads: flags.threads }, printer.listener);
      printer.clear();
      checkRenderOptions(analysis, formats, { detail: flags.detail });
      const json = renderJson(analysis);
      const outDirectory = path.resolve(flags.out);
      const written: string[] = [];
      const trend = formats.includes('html') ? readTrend(path.resolve(root)) : undefined;
      for (const format of formats) {
        const renderer = RENDERERS[format]!;
        const file = path.join(outDirectory, renderer.file);
        writeFileAtomic(file, format === 'json' ? json : renderer.render(analysis, { detail: flags.detail, trend }));
        written.push(path.relative(process.cwd(), file) || renderer.file);
      }
      if (flags.json) streams.stdout.write(json);
      else {
        streams.stdout.write(renderTerminal(analysis, { color: isInteractive(streams.stdout) }));
        streams.stdout.write(`\n${written.length === 1 ? 'Report' : 'Reports'}: ${written.join(', ')}\n`);
      }
      setExit(EXIT.ok);
    });
}

/** The history `seams history record` keeps at the root, as trend points for the HTML report. */
function readTrend(root: string): TrendPoint[] | undefined {
  const records = readHistory(root);
  if (records.length === 0) return undefined;
  return records.map((record) => ({ sha: record.sha, date: record.date, metrics: { ...record.metrics } }));
}
