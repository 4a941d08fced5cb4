import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { type AnalyzeOptions, analyze } from '../analyze.js';
import { isUsageError, toErrorMessage } from '../util/errors.js';

/**
 * Runs the analysis it is sent on a thread with a large stack; reports progress, the result or
 * the error. Started before the request is known, it loads the pipeline (and TypeScript) first.
 */
parentPort?.once('message', (request: Omit<AnalyzeOptions, 'progress'>) => {
  analyze({ ...request, progress: (event) => parentPort?.postMessage({ type: 'progress', event }) })
    // Sent as V8's serialization of it: half the time of posting the object itself, which is
    // cloned field by field (5k files: ~40 ms against ~100 ms).
    .then((analysis) => parentPort?.postMessage({ type: 'done', serialized: v8.serialize(analysis) }))
    .catch((error: unknown) =>
      parentPort?.postMessage({
        type: 'error',
        usage: isUsageError(error),
        message: toErrorMessage(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
    );
});
