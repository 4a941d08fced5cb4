// Bundles the HTML report's browser code and CSS (src/report/html/browser/) into dist/report/html/,
// where renderHtml reads them. Runs after tsc (scripts/build.mjs), reusing the compiled bundler so
// the build and on-demand bundling from source share one esbuild configuration.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDirectory = path.join(root, 'dist', 'report', 'html');
const { bundleBrowserAssets } = await import(pathToFileURL(path.join(outDirectory, 'bundle-browser-assets.js')).href);
const { ASSET_FILES } = await import(pathToFileURL(path.join(outDirectory, 'get-browser-assets.js')).href);
const assets = bundleBrowserAssets(path.join(root, 'src', 'report', 'html', 'browser'));
fs.writeFileSync(path.join(outDirectory, ASSET_FILES.script), assets.script);
fs.writeFileSync(path.join(outDirectory, ASSET_FILES.style), assets.style);
