import { parentPort } from 'node:worker_threads';
import { type AnalyzeOptions, analyze } from '../analyze.js';
import { isUsageError, toErrorMessage } from '../util/errors.js';

/**
 * Runs the analysis it is sent on a thread with a large stack; reports progress, the result or
 * the error. Started before the request is known, it loads the pipeline (and TypeScript) first.
 */
parentPort?.once('message', (request: Omit<AnalyzeOptions, 'progress'>) => {
  analyze({ ...request, progress: (event) => parentPort?.postMessage({ type: 'progress', event }) })
    .then((analysis) => parentPort?.postMessage({ type: 'done', analysis }))
    .catch((error: unknown) =>
      parentPort?.postMessage({
        type: 'error',
        usage: isUsageError(error),
        message: toErrorMessage(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
    );
});
