// Compiles src/ to dist/ with tsc, then bundles each thread's entry point; the HTML report's
// browser code is bundled by its own step.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
// Hand-written CommonJS modules and their .d.cts types are not emitted by tsc.
for (const entry of fs.readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !(entry.name.endsWith('.cjs') || entry.name.endsWith('.d.cts'))) continue;
  const source = path.join(entry.parentPath, entry.name);
  fs.copyFileSync(source, path.join(root, 'dist', path.relative(path.join(root, 'src'), source)));
}
execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle-entry-points.mjs')], { stdio: 'inherit', cwd: root });
fs.chmodSync(path.join(root, 'dist', 'cli', 'main.js'), 0o755);
const browserBuild = path.join(root, 'scripts', 'build-browser.mjs');
if (fs.existsSync(browserBuild)) execFileSync(process.execPath, [browserBuild], { stdio: 'inherit', cwd: root });
