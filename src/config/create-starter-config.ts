import { DEFAULT_OPTIONS } from './defaults.js';

/** Where the schema sits once seams is installed in the project, relative to the config file. */
export const SCHEMA_POINTER = './node_modules/seams/schema/seams.config.schema.json';

/**
 * The `seams init` starter: every option at its default, explained by `"// key"` entries
 * (JSON has no comments; seams ignores keys that start with //).
 */
export function createStarterConfig(): Record<string, unknown> {
  const { sharedKernel, weights } = DEFAULT_OPTIONS;
  return {
    $schema: SCHEMA_POINTER,
    '//': 'seams configuration (JSON only; seams never runs JavaScript config). Command-line flags override these values. Keys starting with // are comments.',
    '// include': 'Only analyse files matching these globs, relative to this folder. Empty: every source file except tests.',
    include: [],
    '// exclude': 'Skip files matching these globs, e.g. "src/**/*.generated.ts".',
    exclude: [],
    '// sharedKernel': 'Utility modules (logger, config, utils) set aside so they do not glue services together.',
    sharedKernel: {
      '// include': 'Always shared kernel, e.g. "src/common/**".',
      include: [...sharedKernel.include],
      '// exclude': 'Never shared kernel.',
      exclude: [...sharedKernel.exclude],
      '// minFanInRatio': 'A file used by at least this share of all files is shared kernel.',
      minFanInRatio: sharedKernel.minFanInRatio,
    },
    '// weights': 'Weight of each kind of dependency: a table write binds code to data harder than a read, a type import less than an import.',
    weights: { ...weights },
    '// resolution': 'Louvain resolution: higher gives more, smaller services. Unset, it grows with the project: max(0.3, 0.02 × √(total edge weight)).',
    '// services': 'Set "services": N to search the resolution that gives about N services; the summary then prints services vs modularity.',
    '// seed': 'Same seed, same result. seeds: clustering runs used to compute each file\'s confidence.',
    seed: DEFAULT_OPTIONS.seed,
    seeds: DEFAULT_OPTIONS.seeds,
    '// minServiceSize': 'Smaller clusters are merged into their strongest neighbour.',
    minServiceSize: DEFAULT_OPTIONS.minServiceSize,
    '// nedBand': 'Service sizes (in files) that the NED metric counts as neither too small nor too large.',
    nedBand: [...DEFAULT_OPTIONS.nedBand],
    '// pins': 'Put files in a named service whatever the clustering says, e.g. { "src/billing/**": "billing" }. The first matching glob wins.',
    pins: {},
    '// groups': 'Keep files together in one service, e.g. [["src/cart/**", "src/checkout/**"]].',
    groups: [],
    '// serviceNames': 'Rename generated services, e.g. { "order": "ordering" }.',
    serviceNames: {},
  };
}
