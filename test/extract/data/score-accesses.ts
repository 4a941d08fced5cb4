import type { DataAccess } from '../../../src/types.js';

export interface ExpectedAccess {
  file: string;
  table: string;
  access: 'read' | 'write';
}

export interface AccessScore {
  precision: number;
  recall: number;
  /** Expected (file, table, access) triples that were not found. */
  missed: string[];
  /** Found triples that were not expected. */
  unexpected: string[];
}

/**
 * Precision and recall of the (file, table, access) triples an analysis found against the
 * ones a fixture expects; several accesses of one table by one file count once.
 */
export function scoreAccesses(expected: ExpectedAccess[], found: DataAccess[]): AccessScore {
  const toKey = (access: ExpectedAccess) => `${access.file} ${access.access} ${access.table}`;
  const expectedKeys = new Set(expected.map(toKey));
  const foundKeys = new Set(found.map(toKey));
  const hits = [...foundKeys].filter((key) => expectedKeys.has(key)).length;
  return {
    precision: foundKeys.size === 0 ? 0 : hits / foundKeys.size,
    recall: expectedKeys.size === 0 ? 1 : hits / expectedKeys.size,
    missed: [...expectedKeys].filter((key) => !foundKeys.has(key)).sort(),
    unexpected: [...foundKeys].filter((key) => !expectedKeys.has(key)).sort(),
  };
}

/** The assertion message: every miss, so a failing run says what to fix. */
export function describeScore(score: AccessScore): string {
  return `precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)}\nmissed:\n  ${score.missed.join('\n  ') || '-'}\nunexpected:\n  ${score.unexpected.join('\n  ') || '-'}`;
}
