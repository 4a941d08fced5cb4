import type { Analysis } from '../types.js';

/**
 * The Analysis as JSON with object keys sorted at every level, so the bytes depend only on
 * the content. Arrays keep their (already deterministic) order.
 */
export function renderJson(analysis: Analysis): string {
  return `${JSON.stringify(sortKeys(analysis), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, child]) => [key, sortKeys(child)]));
  }
  return value;
}
