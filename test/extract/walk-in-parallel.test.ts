import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../src/config/defaults.js';
import { createVisitorFactories, detectAdapters } from '../../src/extract/create-visitor-factories.js';
import { createResolver } from '../../src/extract/imports/create-resolver.js';
import { walkFile } from '../../src/extract/walk-file.js';
import { walkFilesInWorkers } from '../../src/extract/walk-files-in-workers.js';
import { loadWorkspace } from '../../src/load/index.js';
import { REPO_ROOT } from '../helpers/fixture-path.js';
// @ts-expect-error the generator is a plain .mjs script without types
import { generateSyntheticMonolith } from '../../scripts/generate-synthetic-monolith.mjs';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-walk-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeHelperScript(name: string, text: string): string {
  const script = path.join(scratch, name);
  fs.writeFileSync(script, text);
  return script;
}

describe('walking files on this thread and helper threads', () => {
  // Big enough for several batches: a helper holds two at a time.
  const root = path.join(scratch, 'synthetic');
  generateSyntheticMonolith(root, 700);
  const workspace = loadWorkspace(root, DEFAULT_OPTIONS);
  const enabled = detectAdapters(workspace);
  const resolve = createResolver(workspace);
  const factories = createVisitorFactories(enabled);
  const walkedHere = workspace.files.map((_, index) => walkFile(workspace, index, resolve, factories));

  it('walks every file itself when a helper thread fails to start', async () => {
    const failing = writeHelperScript('failing-helper.mjs', "throw new Error('cannot start');\n");
    const progress: number[] = [];
    const facts = await walkFilesInWorkers(workspace, enabled, failing, 1, (done) => progress.push(done));
    expect(facts).toEqual(walkedHere);
    expect(progress.at(-1)).toBe(workspace.files.length);
  });

  it('takes back the batches of a helper that stops in the middle of its work', async () => {
    // Says it is ready, takes two batches and exits without answering either.
    const quitting = writeHelperScript(
      'quitting-helper.mjs',
      "import { parentPort } from 'node:worker_threads';\nparentPort.once('message', () => setTimeout(() => process.exit(3), 50));\nparentPort.postMessage('ready');\n",
    );
    const facts = await walkFilesInWorkers(workspace, enabled, quitting, 1, () => {});
    expect(facts).toEqual(walkedHere);
  });

  it('gives the same facts as one thread with the built helper script', async () => {
    // Which thread walks which batch depends on timing; the facts must not.
    const facts = await walkFilesInWorkers(workspace, enabled, path.join(REPO_ROOT, 'dist', 'extract', 'extract-worker.js'), 1, () => {});
    expect(facts).toEqual(walkedHere);
  });
});
