import { makeDirectory } from '../util/make-directory.js';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../util/errors.js';
import { toPosix } from '../util/paths.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { withFileLock } from './file-lock.js';
import { getRecordKey, HISTORY_SCHEMA_VERSION, type HistoryRecord } from './history-record.js';
import { sortKeys } from '../util/to-sorted-json.js';

/** The default store, relative to the analysed root: plain JSON lines, easy to commit or cache. */
export const HISTORY_FILE = '.seams/history.jsonl';

export function getHistoryPath(root: string, file?: string): string {
  return file ? path.resolve(file) : path.join(root, HISTORY_FILE);
}

/**
 * The recorded history of `root` (or of the store `file`), oldest commit first; [] when
 * nothing was recorded. For the HTML report's trend charts and `seams history show`.
 */
export function readHistory(root: string, options: { file?: string } = {}): HistoryRecord[] {
  const file = getHistoryPath(root, options.file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    // No history yet, or a root that is no folder (the analysis reports that in its own words).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new UsageError(`${toPosix(file)}: cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const records = parseRecords(text, file).map((entry) => entry.record);
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => Date.parse(a.record.date) - Date.parse(b.record.date) || a.index - b.index)
    .map((entry) => entry.record);
}

/**
 * Adds `record`, replacing the one with the same sha and config hash. Holds a lock file so
 * concurrent runs serialize; a new record is appended, a replacement rewrites the store
 * through a temporary file and a rename, so readers never see half a file.
 */
export async function saveHistoryRecord(file: string, record: HistoryRecord): Promise<'added' | 'replaced'> {
  makeDirectory(path.dirname(file));
  return withFileLock(`${file}.lock`, () => {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    // A run killed mid-append leaves a line without its newline: drop it.
    const complete = text.endsWith('\n') || text === '' ? text : text.slice(0, text.lastIndexOf('\n') + 1);
    const line = JSON.stringify(sortKeys(record));
    const key = getRecordKey(record);
    const lines = complete.split('\n').filter((entry) => entry.length > 0);
    const index = parseRecords(complete, file).findIndex((entry) => getRecordKey(entry.record) === key);
    if (index >= 0) {
      lines[index] = line;
      writeFileAtomic(file, `${lines.join('\n')}\n`);
      return 'replaced';
    }
    if (complete !== text) writeFileAtomic(file, `${complete}${line}\n`);
    else fs.appendFileSync(file, `${line}\n`);
    return 'added';
  });
}

function parseRecords(text: string, file: string): { record: HistoryRecord; line: number }[] {
  const lines = text.split('\n');
  const records: { record: HistoryRecord; line: number }[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const isUnfinishedTail = index === lines.length - 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (isUnfinishedTail) return;
      throw new UsageError(`${toPosix(file)}:${index + 1}: not a JSON line; remove the line or the file`);
    }
    if (!isHistoryRecord(value)) {
      throw new UsageError(`${toPosix(file)}:${index + 1}: not a seams history record; remove the line or the file`);
    }
    if (value.schemaVersion > HISTORY_SCHEMA_VERSION) {
      throw new UsageError(`${toPosix(file)}:${index + 1}: written by a newer seams (history schemaVersion ${value.schemaVersion}); upgrade seams`);
    }
    records.push({ record: value, line: index + 1 });
  });
  return records;
}

function isHistoryRecord(value: unknown): value is HistoryRecord {
  const record = value as Partial<HistoryRecord> | null;
  return (
    !!record &&
    typeof record === 'object' &&
    typeof record.schemaVersion === 'number' &&
    typeof record.sha === 'string' &&
    typeof record.date === 'string' &&
    typeof record.configHash === 'string' &&
    !!record.metrics &&
    typeof record.metrics === 'object' &&
    !!record.findings &&
    typeof record.findings === 'object'
  );
}
