import type { DeclaredModel } from '../adapter.js';
import { replaySchemaChanges, type SchemaChange } from '../replay-schema-changes.js';
import { splitStatements, stripLeadingTrivia } from './scan-sql.js';

/** `-- migrate:down` (dbmate), `-- +goose Down`, `-- +migrate Down` (sql-migrate), and their Up. */
const SECTION_MARKER = /^\s*--\s*(?:\+goose|\+migrate|migrate:)\s*(up|down)\b/i;
const NAME = String.raw`((?:"(?:[^"]|"")+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*))*)`;
const CREATE_TABLE = new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?(?:(?:global|local)\s+)?(temp|temporary|unlogged\s+)?\s*table\s+(?:if\s+not\s+exists\s+)?${NAME}`, 'i');
const DROP_TABLE = new RegExp(String.raw`^drop\s+table\s+(?:if\s+exists\s+)?(${NAME}(?:\s*,\s*${NAME})*)`, 'i');
const ALTER_RENAME = new RegExp(String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${NAME}\s+rename\s+to\s+${NAME}`, 'i');
const RENAME_TABLE = new RegExp(String.raw`^rename\s+table\s+${NAME}\s+to\s+${NAME}`, 'i');

/**
 * The tables that SQL scripts (schema.sql, migrations) leave in the schema: their CREATE TABLE,
 * DROP TABLE and renames replayed in the order migration tools run them. Rollback sections and
 * temporary tables are left out. Names are normalised as the query parser does: unquoted folded
 * to lower case, quoted kept.
 */
export function readSqlSchemaFiles(dataFiles: Record<string, string>): DeclaredModel[] {
  const changes = Object.keys(dataFiles)
    .filter((file) => file.endsWith('.sql'))
    .flatMap((file) => readChanges(file, withoutRollbacks(dataFiles[file]!)));
  return [...replaySchemaChanges(changes).values()]
    .filter((change) => change.created)
    .map(({ key, file, line }) => ({ orm: 'sql', modelName: key, table: key, kind: 'table', file, line }));
}

/** The script with every rollback section blanked, line breaks kept so lines still count true. */
function withoutRollbacks(text: string): string {
  let down = false;
  return text
    .split('\n')
    .map((line) => {
      const marker = SECTION_MARKER.exec(line);
      if (marker) down = marker[1]!.toLowerCase() === 'down';
      return down ? '' : line;
    })
    .join('\n');
}

function readChanges(file: string, text: string): SchemaChange[] {
  const changes: SchemaChange[] = [];
  // Lines are counted as the statements go by, not from the start for each: a dump has thousands.
  let counted = 0;
  let line = 1;
  let cursor = 0;
  for (const statement of splitStatements(text)) {
    const offset = text.indexOf(statement, cursor);
    cursor = offset + statement.length;
    const body = stripLeadingTrivia(statement);
    const start = offset + statement.indexOf(body);
    for (let index = text.indexOf('\n', counted); index >= 0 && index < start; index = text.indexOf('\n', index + 1)) line++;
    counted = start;
    for (const { table, created } of readSchemaStatement(body)) changes.push({ key: table, created, file, line, position: changes.length });
  }
  return changes;
}

/**
 * What one statement does to the schema: `CREATE TABLE` creates a table, `DROP TABLE` drops each
 * it names, a rename drops one name and creates the other. A temporary table is gone when the
 * session ends: it counts as dropped, so that a migration's scratch table is no table.
 */
export function readSchemaStatement(statement: string): { table: string; created: boolean }[] {
  const create = CREATE_TABLE.exec(statement);
  if (create) return [{ table: toTableName(create[2]!), created: !create[1] }];
  const drop = DROP_TABLE.exec(statement);
  if (drop) return splitNames(drop[1]!).map((name) => ({ table: toTableName(name), created: false }));
  const rename = ALTER_RENAME.exec(statement) ?? RENAME_TABLE.exec(statement);
  if (!rename) return [];
  const from = toTableName(rename[1]!);
  const to = toTableName(rename[2]!);
  // ALTER TABLE s.a RENAME TO b keeps the table in schema s.
  const schema = from.includes('.') && !to.includes('.') ? from.slice(0, from.lastIndexOf('.') + 1) : '';
  return [
    { table: from, created: false },
    { table: `${schema}${to}`, created: true },
  ];
}

function splitNames(list: string): string[] {
  return list.split(/\s*,\s*/).filter(Boolean);
}

/** `"Sales"."Orders"` → Sales.Orders, `Users` → users, `\`orders\`` → orders, `[dbo].[T]` → dbo.T. */
function toTableName(name: string): string {
  return name
    .split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((part) => {
      if (/^".*"$/.test(part)) return part.slice(1, -1).replaceAll('""', '"');
      if (/^[`[].*[`\]]$/.test(part)) return part.slice(1, -1);
      return part.toLowerCase();
    })
    .join('.');
}
