import path from 'node:path';
import type { Command } from 'commander';
import { checkRenderOptions, DEFAULT_FORMATS, FORMATS, parseFormats, RENDERERS, type ReportFormat } from '../../report/index.js';
import { renderJson } from '../../report/render-json.js';
import { renderTerminal } from '../../report/render-terminal.js';
import type { TrendPoint } from '../../report/html/report-data.js';
import { readHistory } from '../../trend/history-store.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { type CliStreams, EXIT, isInteractive } from '../io.js';
import { loadOptions, type OptionFlags } from '../load-options.js';
import { addAnalysisFlags } from '../analysis-flags.js';
import { createProgressPrinter } from '../progress-printer.js';
import { runAnalysisAndRender } from '../run-analysis.js';

/**
 * The HTML report lays out the service graph (~0.25 s at 5k files): the analysis thread does
 * that while this one writes the JSON.
 */
const RENDERED_ON_ANALYSIS_THREAD = new Set<ReportFormat>(['html']);

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
      const trend = formats.includes('html') ? readTrend(path.resolve(root)) : undefined;
      const renderOptions = { detail: flags.detail, trend };
      const onThread = formats.filter((format) => RENDERED_ON_ANALYSIS_THREAD.has(format));
      const { analysis, rendered } = await runAnalysisAndRender(
        { ...request, timings: flags.timings, workers: flags.workers, threads: flags.threads },
        printer.listener,
        onThread.length > 0 ? { formats: onThread, options: renderOptions } : null,
      );
      printer.clear();
      checkRenderOptions(analysis, formats, { detail: flags.detail });
      const json = renderJson(analysis);
      const outDirectory = path.resolve(flags.out);
      const write = async (format: ReportFormat) => {
        const renderer = RENDERERS[format]!;
        const file = path.join(outDirectory, renderer.file);
        const content = onThread.includes(format) ? (await rendered).get(format)! : format === 'json' ? json : renderer.render(analysis, renderOptions);
        writeFileAtomic(file, content);
        return path.relative(process.cwd(), file) || renderer.file;
      };
      // This thread's own reports first, while the analysis thread renders the others.
      const written = new Map<ReportFormat, string>();
      for (const format of formats.filter((candidate) => !onThread.includes(candidate))) written.set(format, await write(format));
      for (const format of onThread) written.set(format, await write(format));
      if (flags.json) streams.stdout.write(json);
      else {
        streams.stdout.write(renderTerminal(analysis, { color: isInteractive(streams.stdout) }));
        const files = formats.map((format) => written.get(format)!);
        streams.stdout.write(`\n${files.length === 1 ? 'Report' : 'Reports'}: ${files.join(', ')}\n`);
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
