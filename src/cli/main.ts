#!/usr/bin/env node
import { startAnalysisThreadEarly } from './run-analysis.js';

startAnalysisThreadEarly(process.argv.slice(2));
// Loaded after the analysis thread has started, so that both load their modules at once.
const { executeCli } = await import('./execute-cli.js');

// A reader that stops early (`seams analyze | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await executeCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
