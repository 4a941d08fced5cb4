// node-sql-parser's AST: https://github.com/taozhi8833998/node-sql-parser (types.d.ts)
import { DynamicTableError, type SqlTableAccess } from './table-access.js';

type AstNode = Record<string, unknown>;

interface TableEntry {
  db?: string | null;
  table?: unknown;
  as?: string | null;
  type?: string;
}

const STATEMENT_TYPES = new Set(['select', 'insert', 'replace', 'update', 'delete']);

/**
 * Tables a statement parsed by node-sql-parser (the MySQL grammar, used when the Postgres one
 * fails) reads and writes. Multi-table UPDATE writes the tables its SET names and reads the
 * rest; `DELETE t FROM t JOIN u` writes t and reads u.
 */
export function walkMysqlAst(ast: unknown): SqlTableAccess[] {
  const accesses: SqlTableAccess[] = [];
  const cteNames = new Set<string>();
  const push = (entry: TableEntry, access: 'read' | 'write') => {
    if (entry.type === 'var' || typeof entry.table === 'number') {
      throw new DynamicTableError(String(entry.table));
    }
    if (typeof entry.table !== 'string') return;
    if (!entry.db && cteNames.has(entry.table)) return;
    accesses.push({ table: entry.db ? `${entry.db}.${entry.table}` : entry.table, access });
  };
  const walkEntries = (entries: unknown, access: 'read' | 'write') => {
    for (const entry of asArray(entries) as TableEntry[]) {
      if (typeof entry.table === 'string' || entry.type === 'var') push(entry, access);
      walk({ ...entry, table: undefined, db: undefined });
    }
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as AstNode;
    if (typeof node.type !== 'string' || !STATEMENT_TYPES.has(node.type)) {
      for (const key of Object.keys(node)) walk(node[key]);
      return;
    }
    for (const cte of asArray(node.with) as { name?: { value?: string } }[]) {
      if (cte.name?.value) cteNames.add(cte.name.value);
    }
    switch (node.type) {
      case 'select':
        walkEntries(node.from, 'read');
        walkRest(node, walk, ['from']);
        return;
      case 'insert':
      case 'replace':
        walkEntries(node.table, 'write');
        walkRest(node, walk, ['table']);
        return;
      case 'update':
        walkUpdateTables(node, walkEntries);
        walkRest(node, walk, ['table']);
        return;
      case 'delete':
        walkDeleteTables(node, walkEntries);
        walkRest(node, walk, ['table', 'from']);
        return;
    }
  };
  walk(ast);
  return accesses;
}

function walkUpdateTables(node: AstNode, walkEntries: (entries: unknown, access: 'read' | 'write') => void): void {
  const entries = asArray(node.table) as TableEntry[];
  const setTables = new Set((asArray(node.set) as { table?: string | null }[]).map((set) => set.table).filter(Boolean));
  const written = entries.filter((entry, index) => (setTables.size === 0 ? index === 0 : isNamed(entry, setTables)));
  walkEntries(written, 'write');
  walkEntries(
    entries.filter((entry) => !written.includes(entry)),
    'read',
  );
}

function walkDeleteTables(node: AstNode, walkEntries: (entries: unknown, access: 'read' | 'write') => void): void {
  const targets = asArray(node.table) as TableEntry[];
  const from = asArray(node.from) as TableEntry[];
  const targetNames = new Set(targets.map((target) => (typeof target.table === 'string' ? target.table : '')));
  const matched = from.filter((entry) => isNamed(entry, targetNames));
  const written = matched.length > 0 ? matched : from.slice(0, 1);
  walkEntries(written, 'write');
  walkEntries(
    from.filter((entry) => !written.includes(entry)),
    'read',
  );
}

function isNamed(entry: TableEntry, names: Set<string | null | undefined>): boolean {
  return names.has(entry.as) || (typeof entry.table === 'string' && names.has(entry.table));
}

function walkRest(node: AstNode, walk: (value: unknown) => void, skip: string[]): void {
  for (const key of Object.keys(node)) {
    if (!skip.includes(key)) walk(node[key]);
  }
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value ? [value] : [];
}
