import type { AnalysisOptions } from '../types.js';
import type { SeamsConfig } from './schema.js';

/** The analysis options a config sets; keys it leaves out stay undefined (defaults apply later). */
export function toAnalysisOptions(config: SeamsConfig): Partial<AnalysisOptions> {
  const options: Partial<AnalysisOptions> = {
    include: config.include,
    exclude: config.exclude,
    includeTests: config.includeTests,
    tsconfig: config.tsconfig,
    maxFileSize: config.maxFileSize,
    resolution: config.resolution,
    seed: config.seed,
    seeds: config.seeds,
    targetServices: config.services,
    minServiceSize: config.minServiceSize,
    nedBand: config.nedBand,
    pins: config.pins,
    groups: config.groups,
    serviceNames: config.serviceNames,
  };
  if (config.sharedKernel) options.sharedKernel = config.sharedKernel as AnalysisOptions['sharedKernel'];
  if (config.weights) options.weights = config.weights as AnalysisOptions['weights'];
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<AnalysisOptions>;
}
