// pgsql-ast-parser's AST: https://github.com/oguimbal/pgsql-ast-parser (src/syntax/ast.ts)
import { DynamicTableError, type SqlTableAccess } from './table-access.js';

interface QName {
  name: string;
  schema?: string;
}

type AstNode = Record<string, unknown>;

/**
 * Tables a parsed Postgres statement reads and writes. Targets of INSERT/UPDATE/DELETE/TRUNCATE
 * are written; every table in a FROM, JOIN or subquery is read, the FROM of `UPDATE … FROM`
 * and the SELECT of `INSERT … SELECT` included. Names a WITH binds are not tables.
 */
export function walkPostgresAst(statement: unknown): SqlTableAccess[] {
  const accesses: SqlTableAccess[] = [];
  const cteNames = new Set<string>();
  collectCteNames(statement, cteNames);
  const push = (name: unknown, access: 'read' | 'write') => {
    const qname = name as QName | undefined;
    if (!qname || typeof qname.name !== 'string') return;
    if (!qname.schema && cteNames.has(qname.name)) return;
    if (qname.name.startsWith('$')) throw new DynamicTableError(qname.name);
    accesses.push({ table: qname.schema ? `${qname.schema}.${qname.name}` : qname.name, access });
  };
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as AstNode;
    switch (node.type) {
      case 'insert':
        push(node.into, 'write');
        return walkProperties(node, walk, 'into');
      case 'update':
        push(node.table, 'write');
        return walkProperties(node, walk, 'table');
      case 'delete':
        push(node.from, 'write');
        return walkProperties(node, walk, 'from');
      case 'truncate table':
        for (const table of (node.tables as unknown[]) ?? []) push(table, 'write');
        return;
      case 'table':
        push(node.name, 'read');
        return walkProperties(node, walk, 'name');
      default:
        return walkProperties(node, walk);
    }
  };
  walk(statement);
  return accesses;
}

function walkProperties(node: AstNode, walk: (value: unknown) => void, skip?: string): void {
  for (const key of Object.keys(node)) {
    if (key !== skip) walk(node[key]);
  }
}

function collectCteNames(value: unknown, names: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectCteNames(item, names);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as AstNode;
  if (node.type === 'with') {
    for (const binding of (node.bind as { alias?: { name?: string } }[]) ?? []) {
      if (binding.alias?.name) names.add(binding.alias.name);
    }
  } else if (node.type === 'with recursive') {
    const alias = node.alias as { name?: string } | undefined;
    if (alias?.name) names.add(alias.name);
  }
  for (const key of Object.keys(node)) collectCteNames(node[key], names);
}
