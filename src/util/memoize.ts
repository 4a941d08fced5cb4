/** Entries a memo keeps before it starts over, so that a long-lived thread does not grow without bound. */
const MAX_ENTRIES = 100_000;

/**
 * `compute`, remembered per string argument. For pure functions of a path or a name that
 * clustering asks about again and again (the same folder name under every file below it).
 */
export function memoizeByString<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute(key);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, value);
    return value;
  };
}
