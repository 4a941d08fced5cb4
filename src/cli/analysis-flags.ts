import type { Command } from 'commander';
import type { OptionFlags } from './load-options.js';
import { collect, parseInteger, parsePositiveNumber } from './parse-numbers.js';

/** The analysis flags of `seams analyze`, shared by analyze, check, baseline and history. */
export interface AnalysisFlags extends OptionFlags {
  workers: boolean;
  threads?: number;
}

export function addAnalysisFlags(command: Command): Command {
  return command
    .option('--config <file>', 'JSON config file (default: seams.config.json at the root, or "seams" in package.json)')
    .option('--seed <n>', 'random seed for clustering (same seed, same result)', parseInteger('--seed', 0))
    .option('--seeds <n>', 'clustering runs used for confidence', parseInteger('--seeds', 1, 100))
    .option('--resolution <r>', 'Louvain resolution: higher gives more, smaller services', parsePositiveNumber('--resolution'))
    .option('--services <n>', 'search the resolution that gives about n services', parseInteger('--services', 1, 1000))
    .option('--min-service-size <n>', 'smaller clusters are merged into a neighbour', parseInteger('--min-service-size', 1))
    .option('--include-tests', 'analyse test files too (excluded by default)')
    .option('--include <glob>', 'only analyse matching files (repeatable)', collect)
    .option('--exclude <glob>', 'skip matching files (repeatable)', collect)
    .option('--shared <glob>', 'put matching files in the shared kernel (repeatable)', collect)
    .option('--not-shared <glob>', 'never put matching files in the shared kernel (repeatable)', collect)
    .option('--tsconfig <file>', 'tsconfig for the root (default: nearest tsconfig.json)')
    .option('--max-file-size <bytes>', 'skip larger files', parseInteger('--max-file-size', 1))
    .option('--threads <n>', 'threads that read files (default: one per core, up to 4, from 8,000 files)', parseInteger('--threads', 1, 64))
    .option('--no-workers', 'read files on one thread (same as --threads 1)');
}
