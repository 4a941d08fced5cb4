import { compareStrings } from '../../util/sort.js';
import type { FileFacts } from '../file-facts.js';

/** A table created or dropped (a rename is both) by a migration or a schema script. */
export interface SchemaChange {
  /** What identifies the table across changes: its name, or `via:name` to keep sources apart. */
  key: string;
  created: boolean;
  file: string;
  line: number;
  /** Order among the changes of one line (statements on one line, or a rename's two halves). */
  position: number;
}

/**
 * Each table's last change, the changes taken in the order migration tools run them: files by
 * name (migrations start with a timestamp or a sequence number; a `schema.sql` dump sorts after
 * them), then by path, then by line. A table whose last change is a drop has left the schema.
 */
export function replaySchemaChanges<Change extends SchemaChange>(changes: Change[]): Map<string, Change> {
  const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  const ordered = [...changes].sort(
    (a, b) =>
      compareStrings(baseName(a.file), baseName(b.file)) || compareStrings(a.file, b.file) || a.line - b.line || a.position - b.position,
  );
  const last = new Map<string, Change>();
  for (const change of ordered) last.set(change.key, change);
  return last;
}

/**
 * The last change of each table the analysed files' schema history creates or drops (migration
 * APIs, schema statements in code), keyed `via:table`: sources are kept apart, so that a Knex
 * migration's drop does not undo a table an SQL script creates.
 */
export function replayFileSchemaChanges(files: readonly FileFacts[]): Map<string, SchemaChange & { table: string }> {
  return replaySchemaChanges(
    files.flatMap((facts) =>
      facts.schemaChanges.map((change, position) => ({
        key: `${change.via}:${change.table}`,
        table: change.table,
        created: change.created,
        file: facts.path,
        line: change.line,
        position,
      })),
    ),
  );
}
