import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserAssets, bundleBrowserAssets } from './bundle-browser-assets.js';

/** Where scripts/build-browser.mjs writes the bundled assets, next to the compiled renderer. */
export const ASSET_FILES = { script: 'report.js', style: 'report.css' } as const;

let cached: BrowserAssets | undefined;

/**
 * The page's script and CSS: the assets the build wrote next to this module (dist/), or, when
 * running from source where there are none, a bundle made now from ./browser/.
 */
export function getBrowserAssets(): BrowserAssets {
  if (cached) return cached;
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Next to this module in tsc's output; from the CLI's bundle (dist/cli/) in dist/report/html/.
  const built = [here, path.join(here, '..', 'report', 'html')].find((directory) => fs.existsSync(path.join(directory, ASSET_FILES.script)));
  const script = path.join(built ?? here, ASSET_FILES.script);
  const style = path.join(built ?? here, ASSET_FILES.style);
  if (fs.existsSync(script) && fs.existsSync(style)) {
    cached = { script: fs.readFileSync(script, 'utf8'), style: fs.readFileSync(style, 'utf8') };
  } else if (fs.existsSync(path.join(here, 'browser', 'main.ts'))) {
    cached = bundleBrowserAssets(path.join(here, 'browser'));
  } else {
    throw new Error(`getBrowserAssets: ${script} is missing; run the build (scripts/build-browser.mjs)`);
  }
  return cached;
}
