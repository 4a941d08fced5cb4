import path from 'node:path';
import picomatch from 'picomatch';
import { isInside, toPosix } from '../util/paths.js';
import type { SourceFileEntry } from './find-files.js';
import type { ResolverConfig } from './read-tsconfig.js';

interface SelectConfigsInput {
  root: string;
  files: SourceFileEntry[];
  configFiles: string[];
  /** The config given with --tsconfig or found at/above the root; governs files with no nearer one. */
  rootConfig: string | null;
  readConfig: (file: string) => ResolverConfig;
}

/**
 * Gives every file the tsconfig nearest to it, because in monorepos the same alias (`@/*`)
 * means a different folder in each package. A solution-style config (`files: []` plus
 * `references`) governs nothing itself: the referenced project whose `include` matches wins.
 */
export function selectConfigs(input: SelectConfigsInput): { configs: ResolverConfig[]; configOfFile: number[] } {
  const configs: ResolverConfig[] = [];
  const indexOfConfig = new Map<string, number>();
  const configByDirectory = new Map<string, string>();
  for (const file of input.configFiles) {
    const directory = path.dirname(file);
    const existing = configByDirectory.get(directory);
    if (!existing || path.basename(file) === 'tsconfig.json') configByDirectory.set(directory, file);
  }
  if (input.rootConfig) {
    const rootDirectory = path.dirname(input.rootConfig);
    const governedDirectory = isInside(input.root, rootDirectory) ? rootDirectory : input.root;
    configByDirectory.set(governedDirectory, input.rootConfig);
  }

  const register = (file: string): number => {
    let index = indexOfConfig.get(file);
    if (index === undefined) {
      index = configs.length;
      configs.push(input.readConfig(file));
      indexOfConfig.set(file, index);
    }
    return index;
  };

  const nearestByDirectory = new Map<string, string | null>();
  const findNearest = (directory: string): string | null => {
    const cached = nearestByDirectory.get(directory);
    if (cached !== undefined) return cached;
    let nearest: string | null = configByDirectory.get(directory) ?? null;
    if (!nearest) {
      const parent = path.dirname(directory);
      nearest = parent !== directory && isInside(input.root, parent) ? findNearest(parent) : null;
    }
    nearestByDirectory.set(directory, nearest);
    return nearest;
  };

  const configOfFile = input.files.map((file) => {
    const nearest = findNearest(path.dirname(file.absolute));
    if (!nearest) return -1;
    const config = input.readConfig(nearest);
    if (!config.isSolution) return register(nearest);
    const referenced = pickReference(config, file.absolute, input.readConfig);
    return referenced ? register(referenced) : register(nearest);
  });
  return { configs, configOfFile };
}

function pickReference(
  solution: ResolverConfig,
  absoluteFile: string,
  readConfig: (file: string) => ResolverConfig,
): string | null {
  let fallback: string | null = null;
  for (const reference of solution.references) {
    const config = readConfig(reference);
    if (!isInside(config.directory, absoluteFile)) continue;
    const relative = toPosix(path.relative(config.directory, absoluteFile));
    const include = config.include.map((pattern) => pattern.replace(/^\.\//, ''));
    if (include.length === 0) {
      fallback ??= reference;
      continue;
    }
    const globs = include.flatMap((pattern) => (/[*?]|\.[cm]?[jt]sx?$/.test(pattern) ? [pattern] : [`${pattern}/**`]));
    if (picomatch(globs, { dot: true })(relative)) return reference;
  }
  return fallback ?? solution.references[0] ?? null;
}
