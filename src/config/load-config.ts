import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../util/errors.js';
import { toPosix } from '../util/paths.js';
import type { SeamsConfig } from './schema.js';
import { validateConfig } from './validate-config.js';

export const CONFIG_FILE_NAME = 'seams.config.json';

/** Config files other tools would execute. seams never loads them: it runs on pull requests. */
const EXECUTABLE_CONFIG_NAMES = ['seams.config.js', 'seams.config.cjs', 'seams.config.mjs', 'seams.config.ts', '.seamsrc.js', '.seamsrc.cjs'];

export interface LoadedConfig {
  config: SeamsConfig;
  /** Where the config came from, for messages: a path, `package.json#seams`, or null for none. */
  source: string | null;
  /** Things the user should know that do not stop the run (an ignored JavaScript config). */
  warnings: string[];
}

/**
 * Finds and validates the config: `--config <file>` if given, else `seams.config.json` at the
 * analysed root, else the `seams` key of the root package.json. Only JSON is read.
 */
export function loadConfig(root: string, explicitFile?: string): LoadedConfig {
  if (explicitFile) {
    const label = toPosix(explicitFile);
    if (/\.[cm]?[jt]s$/.test(explicitFile)) {
      throw new UsageError(`${label}: seams reads JSON config only and never runs JavaScript; use ${CONFIG_FILE_NAME}`);
    }
    const absolute = path.resolve(explicitFile);
    if (!fs.existsSync(absolute)) throw new UsageError(`config file not found: ${label}`);
    return { config: validateConfig(readJson(absolute, label), label), source: label, warnings: [] };
  }
  const warnings = EXECUTABLE_CONFIG_NAMES.filter((name) => fs.existsSync(path.join(root, name))).map(
    (name) => `${name} ignored: seams reads JSON config only (${CONFIG_FILE_NAME} or a "seams" key in package.json)`,
  );
  const configFile = path.join(root, CONFIG_FILE_NAME);
  if (fs.existsSync(configFile)) {
    return { config: validateConfig(readJson(configFile, CONFIG_FILE_NAME), CONFIG_FILE_NAME), source: CONFIG_FILE_NAME, warnings };
  }
  const packageFile = path.join(root, 'package.json');
  if (fs.existsSync(packageFile)) {
    const manifest = readJson(packageFile, 'package.json');
    if (manifest && typeof manifest === 'object' && 'seams' in manifest) {
      const value = (manifest as { seams: unknown }).seams;
      return { config: validateConfig(value, 'package.json', ['seams']), source: 'package.json#seams', warnings };
    }
  }
  return { config: {}, source: null, warnings };
}

function readJson(file: string, label: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${label}: cannot read config: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${label}: invalid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}
