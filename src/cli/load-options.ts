import path from 'node:path';
import type { AnalyzeOptions } from '../analyze.js';
import { loadConfig } from '../config/load-config.js';
import { toAnalysisOptions } from '../config/to-analysis-options.js';
import { DEFAULT_OPTIONS } from '../config/defaults.js';

/** The analysis flags shared by the commands that run an analysis. */
export interface OptionFlags {
  config?: string;
  seed?: number;
  seeds?: number;
  resolution?: number;
  services?: number;
  minServiceSize?: number;
  includeTests?: boolean;
  include?: string[];
  exclude?: string[];
  shared?: string[];
  notShared?: string[];
  tsconfig?: string;
  maxFileSize?: number;
}

export interface LoadedOptions {
  request: Omit<AnalyzeOptions, 'progress'>;
  /** Where the config came from (`seams.config.json`, `package.json#seams`), or null. */
  configSource: string | null;
  warnings: string[];
}

/**
 * The analysis request for `root`: the config file first, then every flag the user gave on top
 * (a flag always wins; a list flag replaces the config's list rather than adding to it).
 */
export function loadOptions(root: string, flags: OptionFlags): LoadedOptions {
  const absoluteRoot = path.resolve(root);
  const loaded = loadConfig(absoluteRoot, flags.config);
  const fromConfig = toAnalysisOptions(loaded.config);
  // The config names its tsconfig from the root; the loader resolves from the current folder.
  if (fromConfig.tsconfig) fromConfig.tsconfig = path.relative(process.cwd(), path.resolve(absoluteRoot, fromConfig.tsconfig)) || '.';
  const configKernel = { ...DEFAULT_OPTIONS.sharedKernel, ...(fromConfig.sharedKernel ?? {}) };
  const fromFlags: Partial<AnalyzeOptions> = {
    seed: flags.seed,
    seeds: flags.seeds,
    resolution: flags.resolution,
    targetServices: flags.services,
    minServiceSize: flags.minServiceSize,
    includeTests: flags.includeTests,
    include: flags.include,
    exclude: flags.exclude,
    sharedKernel:
      flags.shared || flags.notShared
        ? { ...configKernel, include: flags.shared ?? configKernel.include, exclude: flags.notShared ?? configKernel.exclude }
        : undefined,
    tsconfig: flags.tsconfig,
    maxFileSize: flags.maxFileSize,
  };
  const given = Object.fromEntries(Object.entries(fromFlags).filter(([, value]) => value !== undefined));
  return { request: { ...fromConfig, ...given, root }, configSource: loaded.source, warnings: loaded.warnings };
}
