import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../helpers/run-built-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { analyzeWithCli, copyFixture, createTempDirectory, getEdgePairs } from './helpers/temp-project.js';

/** Every `EXECUTED-*` marker under the folder, relative to it. */
function findMarkers(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((entry) => path.basename(entry).startsWith('EXECUTED-'))
    .sort();
}

const IGNORED_CONFIG_WARNINGS = ['seams.config.js', 'seams.config.mjs', 'seams.config.ts', '.seamsrc.js'].map(
  (name) => `seams: ${name} ignored: seams reads JSON config only (seams.config.json or a "seams" key in package.json)\n`,
);

describe('a repository full of code that runs when loaded', () => {
  it('has live canaries: running one of its files writes a marker', () => {
    const root = copyFixture('executable-config');
    execFileSync(process.execPath, [path.join(root, 'src', 'plugins', 'analytics-plugin.js')]);
    expect(findMarkers(root)).toEqual([path.join('src', 'plugins', 'EXECUTED-analytics-plugin.js')]);
  });

  it('is read as text, never executed, by the in-process CLI', async () => {
    const root = copyFixture('executable-config');
    const run = await analyzeWithCli(root);

    expect(run.exitCode).toBe(0);
    expect(findMarkers(root)).toEqual([]);
    expect(run.stderr.split(/(?<=\n)/).sort()).toEqual([...IGNORED_CONFIG_WARNINGS].sort());
    expect(getEdgePairs(run.analysis).sort()).toEqual([
      'src/jobs/run-jobs.ts -> src/jobs/legacy-job.cjs',
      'src/plugins/load-plugins.ts -> src/plugins/analytics-plugin.js',
      'src/server.ts -> src/jobs/run-jobs.ts',
      'src/server.ts -> src/plugins/load-plugins.ts',
    ]);
    expect(run.analysis!.edges.find((edge) => edge.to === 'src/plugins/analytics-plugin.js')?.kinds).toEqual(['dynamic']);
    expect(run.analysis!.edges.find((edge) => edge.to === 'src/jobs/legacy-job.cjs')?.kinds).toEqual(['require']);
  });

  it('is read as text, never executed, by the built CLI on its analysis thread', () => {
    const root = copyFixture('executable-config');
    const result = runBuiltCli(['analyze', root, '--out', path.join(createTempDirectory('never-executes-out'), 'reports')], {
      cwd: root,
    });

    expect(result.exitCode).toBe(0);
    expect(findMarkers(root)).toEqual([]);
  });

  it('refuses a JavaScript config given with --config, without running it', async () => {
    const root = copyFixture('executable-config');
    const result = await runCli(['analyze', root, '--config', path.join(root, 'seams.config.js')]);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^seams: .*seams\.config\.js: seams reads JSON config only and never runs JavaScript; use seams\.config\.json\n$/);
    expect(findMarkers(root)).toEqual([]);
  });
});
