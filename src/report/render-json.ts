import type { Analysis } from '../types.js';
import { toSortedJson } from '../util/to-sorted-json.js';

/**
 * The Analysis as JSON with object keys sorted at every level, so the bytes depend only on
 * the content. Arrays keep their (already deterministic) order.
 */
export function renderJson(analysis: Analysis): string {
  return toSortedJson(analysis);
}
