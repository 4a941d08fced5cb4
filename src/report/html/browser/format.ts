export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatRatio(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

export function formatPercent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function formatLocation(file: string, line: number | undefined): string {
  return line ? `${file}:${line}` : file;
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

export function getBaseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** The largest value of `items` under `get`, at least `floor`; a loop, because spreading 100k values into Math.max overflows the stack. */
export function getMax<T>(items: readonly T[], get: (item: T) => number, floor: number): number {
  let max = floor;
  for (const item of items) {
    const value = get(item);
    if (value > max) max = value;
  }
  return max;
}
