/** JSON with object keys sorted at every level and a final newline: the bytes depend only on the content. */
export function toSortedJson(value: unknown, indent = 2): string {
  return `${JSON.stringify(sortKeys(value), null, indent)}\n`;
}

/**
 * A copy with every object's keys in code-unit order and undefined members left out. Written
 * as plain loops: on a 20,000-file analysis this runs over a million values.
 */
export function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) copy[index] = sortKeys(value[index]);
    return copy;
  }
  const record = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  // Array.prototype.sort without a comparator orders strings by UTF-16 code units.
  for (const key of Object.keys(record).sort()) {
    const child = record[key];
    if (child !== undefined) sorted[key] = sortKeys(child);
  }
  return sorted;
}
