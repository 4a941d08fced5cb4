import { Worker } from 'node:worker_threads';
import type { Workspace } from '../load/workspace.js';
import { findBuiltScript, YOUNG_GENERATION_MB } from '../util/threads.js';
import { createVisitorFactories, type EnabledAdapters } from './create-visitor-factories.js';
import type { FileFacts } from './file-facts.js';
import { createResolver } from './imports/create-resolver.js';
import { walkFile } from './walk-file.js';

const BATCH_SIZE = 100;
/** Batches a helper holds at once, so that it never idles while this thread is busy walking. */
const BATCHES_IN_FLIGHT = 2;
/**
 * Below this many files a helper thread costs more than it saves: it needs ~0.25 s to start and
 * longer to warm up its parser, and parsing is bound by memory bandwidth, so on a 2-core
 * machine two threads read at most ~1.4 times as fast as one (measured: 5k files, extract 2.4 s
 * on one thread, 2.8 s with a helper; 20k files, 6.5-7.9 s and 6.0-7.1 s).
 */
export const MIN_FILES_FOR_WORKERS = 8000;

export function getWorkerScript(): string | null {
  // By way of ../extract/ so that the analysis thread's bundle, in dist/cli/, finds it too.
  return findBuiltScript(new URL('../extract/extract-worker.js', import.meta.url));
}

/**
 * Walks every file on this thread and on `helperCount` helper threads (none for small
 * projects), one core each, in batches taken from one queue. This thread walks too: it has
 * TypeScript loaded and its parser already compiled, while a helper first starts and warms up. Results are
 * stored by file index, so the order of completion never changes the output. A helper gets
 * work only once it says it is ready, so that it does not sit on batches while it starts, and
 * a helper that fails hands its batches back to the queue.
 */
export async function walkFilesInWorkers(
  workspace: Workspace,
  enabled: EnabledAdapters,
  script: string | null,
  helperCount: number,
  onProgress: (done: number) => void,
): Promise<FileFacts[]> {
  const total = workspace.files.length;
  const results: FileFacts[] = new Array(total);
  const queue: number[][] = [];
  for (let start = 0; start < total; start += BATCH_SIZE) {
    const end = Math.min(total, start + BATCH_SIZE);
    queue.push(Array.from({ length: end - start }, (_, offset) => start + offset));
  }
  let done = 0;
  const store = (batch: number[], facts: FileFacts[]) => {
    batch.forEach((index, position) => {
      results[index] = facts[position]!;
    });
    done += batch.length;
    onProgress(done);
  };

  const helpers = script
    ? Array.from({ length: Math.min(helperCount, queue.length - 1) }, () => startHelper(workspace, enabled, script, queue, store))
    : [];
  try {
    const resolve = createResolver(workspace);
    const factories = createVisitorFactories(enabled);
    const walkBatch = (batch: number[]) =>
      store(
        batch,
        batch.map((index) => walkFile(workspace, index, resolve, factories)),
      );
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      walkBatch(batch);
      // Lets the helpers' finished batches in, and hands them more work.
      await new Promise<void>((resume) => setImmediate(resume));
    }
    // A helper still starting up when the queue ran dry is not waited for.
    for (const helper of helpers) helper.settleIfIdle();
    await Promise.all(helpers.map((helper) => helper.finished));
    // A helper that failed late hands back batches after this thread's loop has ended.
    for (let batch = queue.shift(); batch; batch = queue.shift()) walkBatch(batch);
  } finally {
    await Promise.all(helpers.map((helper) => helper.worker.terminate()));
  }
  return results;
}

interface Helper {
  worker: Worker;
  /** Settles when the queue is empty and the helper has returned all its batches, or has failed. */
  finished: Promise<void>;
  settleIfIdle(): void;
}

function startHelper(
  workspace: Workspace,
  enabled: EnabledAdapters,
  script: string,
  queue: number[][],
  store: (batch: number[], facts: FileFacts[]) => void,
): Helper {
  const worker = new Worker(script, {
    workerData: { workspace: { ...workspace, diagnostics: [] }, enabled },
    resourceLimits: { stackSizeMb: 256, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const inFlight: number[][] = [];
  let settleIfIdle = () => {};
  const finished = new Promise<void>((settle) => {
    settleIfIdle = () => {
      if (inFlight.length === 0) settle();
    };
    const sendMore = () => {
      while (inFlight.length < BATCHES_IN_FLIGHT && queue.length > 0) {
        const batch = queue.shift()!;
        inFlight.push(batch);
        worker.postMessage(batch);
      }
      if (inFlight.length === 0) settle();
    };
    worker.on('message', (message: 'ready' | FileFacts[]) => {
      if (message !== 'ready') store(inFlight.shift()!, message);
      sendMore();
    });
    const giveBack = () => {
      queue.unshift(...inFlight.splice(0));
      settle();
    };
    worker.once('error', giveBack);
    worker.once('exit', giveBack);
  });
  return { worker, finished, settleIfIdle: () => settleIfIdle() };
}
