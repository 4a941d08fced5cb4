/** Plain code-unit comparison: unlike localeCompare it gives the same order on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortStrings(values: Iterable<string>): string[] {
  return [...values].sort(compareStrings);
}

export function uniqueSorted(values: Iterable<string>): string[] {
  return sortStrings(new Set(values));
}

/** Rounds for output so floating-point noise never changes the JSON bytes. */
export function round(value: number, digits = 4): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
