import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Workspace } from '../load/workspace.js';
import type { EnabledAdapters } from './create-visitor-factories.js';
import type { FileFacts } from './file-facts.js';

const BATCH_SIZE = 100;
/** Below this many files, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 600;

export function getWorkerScript(): string | null {
  const script = fileURLToPath(new URL('./extract-worker.js', import.meta.url));
  return fs.existsSync(script) ? script : null;
}

/**
 * Spreads the walk over worker threads in batches; results are stored by file index, so the
 * order of completion never changes the output.
 */
export async function walkFilesInWorkers(
  workspace: Workspace,
  enabled: EnabledAdapters,
  script: string,
  onProgress: (done: number) => void,
): Promise<FileFacts[]> {
  const workerCount = Math.max(1, Math.min(4, os.availableParallelism()));
  const results: FileFacts[] = new Array(workspace.files.length);
  const batches: number[][] = [];
  for (let start = 0; start < workspace.files.length; start += BATCH_SIZE) {
    const end = Math.min(workspace.files.length, start + BATCH_SIZE);
    batches.push(Array.from({ length: end - start }, (_, offset) => start + offset));
  }
  let done = 0;
  const workers = Array.from(
    { length: Math.min(workerCount, batches.length) },
    () =>
      new Worker(script, {
        workerData: { workspace: { ...workspace, diagnostics: [] }, enabled },
        resourceLimits: { stackSizeMb: 256 },
      }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sendNext = () => {
              const batch = batches.shift();
              if (!batch) {
                resolve();
                return;
              }
              worker.once('message', (facts: FileFacts[]) => {
                batch.forEach((index, position) => {
                  results[index] = facts[position]!;
                });
                done += batch.length;
                onProgress(done);
                sendNext();
              });
              worker.postMessage(batch);
            };
            worker.once('error', reject);
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
