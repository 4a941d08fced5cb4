import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analyze.js';
import { isUsageError, toErrorMessage } from '../util/errors.js';
import { renderReports } from './render-reports.js';
import type { AnalysisRequest } from './run-analysis.js';

/**
 * Runs the analysis it is sent on a thread with a large stack; reports progress, the result or
 * the error, then renders the reports it was asked to. Started before the request is known, it
 * loads the pipeline (and TypeScript) first.
 */
parentPort?.once('message', ({ request, render }: AnalysisRequest) => {
  analyze({ ...request, progress: (event) => parentPort?.postMessage({ type: 'progress', event }) })
    .then((analysis) => {
      // Sent as V8's serialization of it: half the time of posting the object itself, which is
      // cloned field by field (5k files: ~40 ms against ~100 ms).
      parentPort?.postMessage({ type: 'done', serialized: v8.serialize(analysis) });
      if (render) for (const [format, content] of renderReports(analysis, render)) parentPort?.postMessage({ type: 'rendered', format, content });
      parentPort?.postMessage({ type: 'finished' });
    })
    .catch((error: unknown) =>
      parentPort?.postMessage({
        type: 'error',
        usage: isUsageError(error),
        message: toErrorMessage(error),
        stack: error instanceof Error ? error.stack : undefined,
      }),
    );
});
