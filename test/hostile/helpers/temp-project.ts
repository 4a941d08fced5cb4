import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Analysis } from '../../../src/types.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { type CliResult, runCli } from '../../helpers/run-cli.js';

const created: string[] = [];
afterAll(() => {
  for (const directory of created.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

/** A fresh folder under the system temp dir (real path), removed after the test file. */
export function createTempDirectory(label: string): string {
  const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `seams-${label}-`)));
  created.push(directory);
  return directory;
}

/**
 * Copies `fixtures/hostile/<name>` into a temp folder, so a test can add what must not be
 * committed (binary files, symlinks, names Windows refuses) without touching the repository.
 * Returns the copy's root: `<temp>/<name>`.
 */
export function copyFixture(name: string): string {
  const root = path.join(createTempDirectory(name), name);
  fs.cpSync(getFixturePath('hostile', name), root, { recursive: true });
  return root;
}

export function writeFile(root: string, relative: string, content: string | Uint8Array): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export interface AnalyzeRun extends CliResult {
  out: string;
  /** The report seams wrote, or null when it wrote none. */
  analysis: Analysis | null;
}

/** `seams analyze <root> --out <temp>` in-process; reads back the report it wrote. */
export async function analyzeWithCli(root: string, args: string[] = []): Promise<AnalyzeRun> {
  const out = path.join(createTempDirectory('out'), 'reports');
  const result = await runCli(['analyze', root, '--out', out, ...args]);
  const report = path.join(out, 'seams.json');
  const analysis = fs.existsSync(report) ? (JSON.parse(fs.readFileSync(report, 'utf8')) as Analysis) : null;
  return { ...result, out, analysis };
}

export function getFilePaths(analysis: Analysis | null): string[] {
  return (analysis?.files ?? []).map((file) => file.path);
}

export function getEdgePairs(analysis: Analysis | null): string[] {
  return (analysis?.edges ?? []).map((edge) => `${edge.from} -> ${edge.to}`);
}
