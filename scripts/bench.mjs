// Benchmark: seams against TypeScript's bare parse time and dependency-cruiser, on synthetic
// monoliths and the bundled fixtures. Usage: npm run bench [-- --sizes 1000,5000 --no-cruiser]
// Results go to .bench/results.json; record them in the issue notes, never assert them in tests.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSyntheticMonolith } from './generate-synthetic-monolith.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const benchDirectory = path.join(root, '.bench');
const args = process.argv.slice(2);
const sizesArgument = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '1000,5000,20000';
const sizes = sizesArgument.split(',').map(Number);
const withCruiser = !args.includes('--no-cruiser');
const CRUISER_VERSION = '17.3.9';
const cli = path.join(root, 'dist', 'cli', 'main.js');
if (!fs.existsSync(cli)) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

/** Runs a command under /usr/bin/time for wall time and peak resident memory of the whole process tree's leader. */
function measure(command, commandArgs, cwd) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...commandArgs], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, CI: 'true' },
  });
  const lines = result.stderr.trim().split('\n');
  const [seconds, kilobytes] = (lines.at(-1) ?? '').split(' ').map(Number);
  return { ok: result.status === 0, seconds, peakMb: Math.round(kilobytes / 1024), stdout: result.stdout, stderr: result.stderr };
}

function ensureCruiser() {
  const bin = path.join(benchDirectory, 'tools', 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(path.join(benchDirectory, 'tools'), { recursive: true });
    execFileSync('npm', ['install', '--prefix', path.join(benchDirectory, 'tools'), '--no-save', '--no-audit', '--no-fund', `dependency-cruiser@${CRUISER_VERSION}`], { stdio: 'inherit' });
  }
  return bin;
}

function benchProject(label, projectRoot) {
  const parse = JSON.parse(execFileSync(process.execPath, [path.join(root, 'scripts', 'parse-only.mjs'), projectRoot], { encoding: 'utf8' }));
  const seams = measure(process.execPath, [cli, 'analyze', projectRoot, '--json', '--format', 'json', '--timings', '--out', path.join(benchDirectory, 'out')], root);
  const analysis = seams.ok ? JSON.parse(seams.stdout) : null;
  const row = {
    label,
    files: parse.files,
    parseOnlyMs: parse.ms,
    seamsMs: Math.round(seams.seconds * 1000),
    seamsPeakMb: seams.peakMb,
    filesPerSecond: Math.round(parse.files / seams.seconds),
    ratioToParse: Number((seams.seconds * 1000 / parse.ms).toFixed(2)),
    stages: analysis?.run?.timings ?? [],
    services: analysis?.summary.services ?? null,
  };
  if (withCruiser) {
    const cruiser = measure(process.execPath, [ensureCruiser(), '--no-config', '--output-type', 'json', '--ts-config', 'tsconfig.json', '.'], projectRoot);
    row.cruiserMs = cruiser.ok ? Math.round(cruiser.seconds * 1000) : null;
    row.cruiserPeakMb = cruiser.ok ? cruiser.peakMb : null;
    row.speedupVsCruiser = cruiser.ok ? Number((cruiser.seconds / seams.seconds).toFixed(1)) : null;
  }
  return row;
}

fs.mkdirSync(benchDirectory, { recursive: true });
const rows = [];
for (const size of sizes) {
  const projectRoot = path.join(benchDirectory, `synthetic-${size}`);
  generateSyntheticMonolith(projectRoot, size);
  rows.push(benchProject(`synthetic ${size}`, projectRoot));
  console.error(`done: synthetic ${size}`);
}
for (const fixture of ['monoliths/nestjs-typeorm', 'monoliths/express-layered']) {
  rows.push(benchProject(fixture, path.join(root, 'fixtures', fixture)));
}
fs.writeFileSync(path.join(benchDirectory, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log('project                      files  parse ms  seams ms  ×parse  peak MB  files/s  cruiser ms  ×faster  cruiser MB');
for (const row of rows) {
  console.log(
    `${row.label.padEnd(28)} ${String(row.files).padStart(5)} ${String(row.parseOnlyMs).padStart(9)} ${String(row.seamsMs).padStart(9)} ${String(row.ratioToParse).padStart(7)} ${String(row.seamsPeakMb).padStart(8)} ${String(row.filesPerSecond).padStart(8)} ${String(row.cruiserMs ?? '-').padStart(11)} ${String(row.speedupVsCruiser ?? '-').padStart(8)} ${String(row.cruiserPeakMb ?? '-').padStart(11)}`,
  );
  console.log(`  stages: ${row.stages.map((stage) => `${stage.stage} ${stage.ms} ms`).join(', ')}`);
}
