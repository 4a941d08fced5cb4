import { createHash } from 'node:crypto';
import { DEFAULT_OPTIONS } from '../config/defaults.js';
import type { AnalysisOptions } from '../types.js';
import { toSortedJson } from '../util/to-sorted-json.js';

/**
 * A short fingerprint of the analysis options in effect (defaults filled in), so history
 * records and baselines made with different settings are never compared as if alike. Give
 * `tsconfig` relative to the analysed root: an absolute path would differ per checkout.
 */
export function computeConfigHash(options: Partial<AnalysisOptions>): string {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved = {
    ...DEFAULT_OPTIONS,
    ...defined,
    sharedKernel: { ...DEFAULT_OPTIONS.sharedKernel, ...(options.sharedKernel ?? {}) },
    weights: { ...DEFAULT_OPTIONS.weights, ...(options.weights ?? {}) },
  };
  return createHash('sha256').update(toSortedJson(resolved)).digest('hex').slice(0, 12);
}
