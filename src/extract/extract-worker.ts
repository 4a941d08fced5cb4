import { parentPort, workerData } from 'node:worker_threads';
import type { Workspace } from '../load/workspace.js';
import { createVisitorFactories, type EnabledAdapters } from './create-visitor-factories.js';
import type { FileFacts } from './file-facts.js';
import { createResolver } from './imports/create-resolver.js';
import { walkFile } from './walk-file.js';

interface WorkerInput {
  workspace: Workspace;
  enabled: EnabledAdapters;
}

/** Walks the files it is sent, one batch per message, with its own resolver cache. */
const { workspace, enabled } = workerData as WorkerInput;
const resolve = createResolver(workspace);
const factories = createVisitorFactories(enabled);
parentPort?.on('message', (batch: number[]) => {
  const results: FileFacts[] = batch.map((index) => walkFile(workspace, index, resolve, factories));
  parentPort?.postMessage(results);
});
parentPort?.postMessage('ready');
