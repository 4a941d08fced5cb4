import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Esbuild from 'esbuild';

export interface BrowserAssets {
  script: string;
  style: string;
}

/**
 * Bundles the page's code (`main.ts`) and CSS (`styles.css`) from `sourceDirectory` with esbuild.
 * esbuild is a devDependency: the build calls this once to write the assets into dist/, and
 * runs from source (tests) call it on demand. Output is ASCII and minified; same input, same bytes.
 */
export function bundleBrowserAssets(sourceDirectory: string): BrowserAssets {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
  const common: Esbuild.BuildOptions = {
    bundle: true,
    minify: true,
    write: false,
    charset: 'ascii',
    legalComments: 'eof',
    logLevel: 'silent',
    target: 'es2020',
  };
  const script = esbuild.buildSync({
    ...common,
    entryPoints: [path.join(sourceDirectory, 'main.ts')],
    platform: 'browser',
    format: 'iife',
    tsconfig: path.join(sourceDirectory, 'tsconfig.json'),
  });
  const style = esbuild.buildSync({ ...common, entryPoints: [path.join(sourceDirectory, 'styles.css')], loader: { '.css': 'css' } });
  return { script: toText(script, 'main.ts'), style: toText(style, 'styles.css') };
}

function toText(result: Esbuild.BuildResult, entry: string): string {
  const file = result.outputFiles?.[0];
  if (!file) throw new Error(`bundleBrowserAssets: esbuild produced no output for ${entry}`);
  return file.text.trimEnd();
}
