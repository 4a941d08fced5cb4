import type { DeclaredModel } from '../adapter.js';
import { splitStatements, stripLeadingTrivia } from './scan-sql.js';

/** `-- migrate:down` (dbmate), `-- +goose Down`, `-- +migrate Down` (sql-migrate), and their Up. */
const SECTION_MARKER = /^\s*--\s*(?:\+goose|\+migrate|migrate:)\s*(up|down)\b/i;
const NAME = String.raw`((?:"(?:[^"]|"")+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*))*)`;
const CREATE_TABLE = new RegExp(String.raw`^create\s+(?:or\s+replace\s+)?(?:(?:global|local)\s+)?(temp|temporary|unlogged\s+)?\s*table\s+(?:if\s+not\s+exists\s+)?${NAME}`, 'i');
const DROP_TABLE = new RegExp(String.raw`^drop\s+table\s+(?:if\s+exists\s+)?(${NAME}(?:\s*,\s*${NAME})*)`, 'i');
const ALTER_RENAME = new RegExp(String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${NAME}\s+rename\s+to\s+${NAME}`, 'i');
const RENAME_TABLE = new RegExp(String.raw`^rename\s+table\s+${NAME}\s+to\s+${NAME}`, 'i');

interface SchemaEvent {
  table: string;
  created: boolean;
  file: string;
  line: number;
}

/**
 * The tables that SQL scripts (schema.sql, migrations) leave in the schema: their CREATE TABLE,
 * DROP TABLE and renames replayed file by file in name order, the order migration tools run
 * them. Rollback sections and temporary tables are left out. Names are normalised as the
 * query parser does: unquoted folded to lower case, quoted kept.
 */
export function readSqlSchemaFiles(dataFiles: Record<string, string>): DeclaredModel[] {
  const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  const files = Object.keys(dataFiles)
    .filter((file) => file.endsWith('.sql'))
    .sort((a, b) => (baseName(a) < baseName(b) ? -1 : baseName(a) > baseName(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const alive = new Map<string, { file: string; line: number }>();
  for (const file of files) {
    for (const event of readEvents(file, withoutRollbacks(dataFiles[file]!))) {
      if (event.created) alive.set(event.table, { file: event.file, line: event.line });
      else alive.delete(event.table);
    }
  }
  return [...alive].map(([table, { file, line }]) => ({ orm: 'sql', modelName: table, table, kind: 'table', file, line }));
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

function readEvents(file: string, text: string): SchemaEvent[] {
  const events: SchemaEvent[] = [];
  let cursor = 0;
  for (const statement of splitStatements(text)) {
    const offset = text.indexOf(statement, cursor);
    cursor = offset + statement.length;
    const body = stripLeadingTrivia(statement);
    const line = text.slice(0, offset + statement.indexOf(body)).split('\n').length;
    const at = (table: string, created: boolean) => events.push({ table, created, file, line });
    const create = CREATE_TABLE.exec(body);
    if (create) {
      if (!create[1]) at(toTableName(create[2]!), true);
      continue;
    }
    const drop = DROP_TABLE.exec(body);
    if (drop) {
      for (const name of splitNames(drop[1]!)) at(toTableName(name), false);
      continue;
    }
    const rename = ALTER_RENAME.exec(body) ?? RENAME_TABLE.exec(body);
    if (rename) {
      const from = toTableName(rename[1]!);
      const to = toTableName(rename[2]!);
      // ALTER TABLE s.a RENAME TO b keeps the table in schema s.
      const schema = from.includes('.') && !to.includes('.') ? from.slice(0, from.lastIndexOf('.') + 1) : '';
      at(from, false);
      at(`${schema}${to}`, true);
    }
  }
  return events;
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
