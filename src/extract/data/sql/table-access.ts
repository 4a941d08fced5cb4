import type { DataAccessKind } from '../../../types.js';

export interface SqlTableAccess {
  table: string;
  access: DataAccessKind;
}

/** Thrown by the AST walks when a table name is a placeholder: the table is chosen at run time. */
export class DynamicTableError extends Error {}

/** Keeps one entry per table and access, writes first, in the order seen. */
export function toUniqueAccesses(accesses: SqlTableAccess[]): SqlTableAccess[] {
  const seen = new Set<string>();
  const unique: SqlTableAccess[] = [];
  for (const access of [...accesses.filter((a) => a.access === 'write'), ...accesses.filter((a) => a.access === 'read')]) {
    const key = `${access.access}\0${access.table}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(access);
  }
  return unique;
}
