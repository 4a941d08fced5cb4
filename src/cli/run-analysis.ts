import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../analyze.js';
import type { Analysis } from '../types.js';
import { UsageError } from '../util/errors.js';
import type { ProgressListener } from '../util/progress.js';
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

/**
 * Runs the analysis on a worker thread with a large stack (the main thread's stack cannot be
 * grown), falling back to this thread when running from source (tests).
 */
export async function runAnalysis(request: Omit<AnalyzeOptions, 'progress'>, progress: ProgressListener): Promise<Analysis> {
  const script = getWorkerScript();
  if (!script) {
    // Loaded only here: the CLI thread itself never needs the TypeScript compiler.
    const { analyze } = await import('../analyze.js');
    return analyze({ ...request, progress });
  }
  const worker = startedEarly ?? startWorker(script);
  startedEarly = null;
  worker.ref();
  return new Promise<Analysis>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message.event);
      else if (message.type === 'done') {
        settled = true;
        resolve(v8.deserialize(message.serialized) as Analysis);
        void worker.terminate();
      } else {
        settled = true;
        const error = message.usage ? new UsageError(message.message) : new Error(message.message);
        if (message.stack && !message.usage) error.stack = message.stack;
        reject(error);
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`analysis worker stopped with exit code ${code}`));
    });
    worker.postMessage(request);
  });
}

type WorkerMessage =
  | { type: 'progress'; event: Parameters<ProgressListener>[0] }
  | { type: 'done'; serialized: Uint8Array }
  | { type: 'error'; usage: boolean; message: string; stack?: string };
