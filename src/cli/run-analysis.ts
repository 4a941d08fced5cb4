import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../analyze.js';
import type { ReportFormat } from '../report/index.js';
import type { Analysis } from '../types.js';
import { UsageError } from '../util/errors.js';
import type { ProgressListener } from '../util/progress.js';
import type { RenderOnThread } from './render-reports.js';
import { findBuiltScript, YOUNG_GENERATION_MB } from '../util/threads.js';

/** TypeScript's parser recurses once per nesting level; generated code nests thousands deep. */
const STACK_SIZE_MB = 512;
const COMMANDS_THAT_ANALYSE = new Set(['analyze', 'check', 'explain']);

let startedEarly: Worker | null = null;

function getWorkerScript(): string | null {
  return findBuiltScript(new URL('./analysis-worker.js', import.meta.url));
}

function startWorker(script: string): Worker {
  return new Worker(script, { resourceLimits: { stackSizeMb: STACK_SIZE_MB, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}

/**
 * Starts the analysis thread before the CLI has loaded its own modules and parsed its
 * arguments, so that loading TypeScript there (the larger part of start-up) overlaps with them.
 * It waits for its request; unused (a usage error, another command) it does not keep the
 * process alive.
 */
export function startAnalysisThreadEarly(args: string[]): void {
  const script = getWorkerScript();
  if (!script || !COMMANDS_THAT_ANALYSE.has(args[0] ?? '')) return;
  startedEarly = startWorker(script);
  startedEarly.unref();
  // A failure to start is reported by runAnalysis, which then starts a thread of its own.
  startedEarly.once('error', () => {
    startedEarly = null;
  });
}

export interface AnalysisOutcome {
  analysis: Analysis;
  /** The reports asked for in RenderOnThread, by format; settles after `analysis` is given. */
  rendered: Promise<Map<ReportFormat, string>>;
}

/**
 * Runs the analysis on a worker thread with a large stack (the main thread's stack cannot be
 * grown), falling back to this thread when running from source (tests).
 */
export async function runAnalysis(request: Omit<AnalyzeOptions, 'progress'>, progress: ProgressListener): Promise<Analysis> {
  return (await runAnalysisAndRender(request, progress, null)).analysis;
}

/**
 * Runs the analysis and has its thread render `render.formats` after sending the analysis
 * back: the HTML report's layout (~0.25 s at 5k files) is then computed while this thread
 * writes the JSON, not after it.
 */
export async function runAnalysisAndRender(
  request: Omit<AnalyzeOptions, 'progress'>,
  progress: ProgressListener,
  render: RenderOnThread | null,
): Promise<AnalysisOutcome> {
  const script = getWorkerScript();
  if (!script) {
    // Loaded only here: the CLI thread itself never needs the TypeScript compiler.
    const { analyze } = await import('../analyze.js');
    const analysis = await analyze({ ...request, progress });
    const { renderReports } = await import('./render-reports.js');
    return { analysis, rendered: Promise.resolve(render ? renderReports(analysis, render) : new Map()) };
  }
  const worker = startedEarly ?? startWorker(script);
  startedEarly = null;
  worker.ref();
  let settleRendered: { resolve(reports: Map<ReportFormat, string>): void; reject(error: Error): void } | null = null;
  const rendered = new Promise<Map<ReportFormat, string>>((resolve, reject) => {
    settleRendered = { resolve, reject };
  });
  // Awaited only once the CLI has written its own reports; a failure must not count as unhandled before.
  rendered.catch(() => {});
  const reports = new Map<ReportFormat, string>();
  return new Promise<AnalysisOutcome>((resolve, reject) => {
    let analysed = false;
    let finished = false;
    const fail = (error: Error) => {
      if (finished) return;
      finished = true;
      if (analysed) settleRendered!.reject(error);
      else reject(error);
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message.event);
      else if (message.type === 'done') {
        analysed = true;
        resolve({ analysis: v8.deserialize(message.serialized) as Analysis, rendered });
      } else if (message.type === 'rendered') reports.set(message.format, message.content);
      else if (message.type === 'finished') {
        finished = true;
        settleRendered!.resolve(reports);
        void worker.terminate();
      } else {
        const error = message.usage ? new UsageError(message.message) : new Error(message.message);
        if (message.stack && !message.usage) error.stack = message.stack;
        fail(error);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analysis worker stopped with exit code ${code}`)));
    worker.postMessage({ request, render } satisfies AnalysisRequest);
  });
}

/** What the analysis thread is sent. */
export interface AnalysisRequest {
  request: Omit<AnalyzeOptions, 'progress'>;
  render: RenderOnThread | null;
}

type WorkerMessage =
  | { type: 'progress'; event: Parameters<ProgressListener>[0] }
  | { type: 'done'; serialized: Uint8Array }
  | { type: 'rendered'; format: ReportFormat; content: string }
  | { type: 'finished' }
  | { type: 'error'; usage: boolean; message: string; stack?: string };
