import ts from '../../../util/typescript.cjs';
import type { VisitContext } from '../../visitor.js';
import { type ChainLink, getCallChain } from '../call-chain.js';
import { isInRollback } from '../is-in-rollback.js';
import { recordCreatedTable, recordDroppedTable } from '../record-schema-change.js';
import { recordQueryAccesses } from '../find-transaction-id.js';

// Entry points of Kysely's query builders: https://kysely-org.github.io/kysely-apidoc/classes/Kysely.html
const STARTS: Record<string, 'read' | 'write'> = {
  selectFrom: 'read',
  insertInto: 'write',
  replaceInto: 'write',
  updateTable: 'write',
  deleteFrom: 'write',
  mergeInto: 'write',
};
/** Tables joined (or merged from) into the query, read. `from` is UPDATE … FROM. */
const READ_METHODS = new Set([
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
  'using',
  'from',
]);
const CTE_METHODS = new Set(['with', 'withRecursive']);

/**
 * One Kysely chain: the table its entry method names (`selectFrom('person')` reads,
 * `insertInto`/`updateTable`/`deleteFrom`/`mergeInto` write) and the tables it joins, in one
 * query. Names bound by `.with('name', …)` are CTEs, not tables.
 */
export function visitKyselyChain(top: ts.CallExpression, context: VisitContext): void {
  const { links } = getCallChain(top);
  const schema = links.findIndex((link) => link.name === 'schema' && link.args === null);
  if (schema >= 0) {
    visitSchemaChain(links.slice(schema + 1), context);
    return;
  }
  if (!links.some((link) => link.args && Object.hasOwn(STARTS, link.name))) return;
  const ctes = new Set<string>();
  const accesses: { table: string; access: 'read' | 'write' }[] = [];
  let started = false;
  for (const link of links) {
    if (!link.args) continue;
    if (CTE_METHODS.has(link.name)) {
      const name = getTableNames(link.args[0])[0];
      if (name) ctes.add(name.replace(/\(.*$/, '').trim());
    } else if (Object.hasOwn(STARTS, link.name)) {
      started = true;
      for (const table of getTableNames(link.args[0])) accesses.push({ table, access: STARTS[link.name]! });
    } else if (started && READ_METHODS.has(link.name)) {
      for (const table of getTableNames(link.args[0])) accesses.push({ table, access: 'read' });
    }
  }
  const tables = accesses.filter(({ table }) => !ctes.has(table));
  recordQueryAccesses(
    context,
    top,
    'kysely',
    tables.map(({ table, access }) => ({ ref: { kind: 'table', name: table }, access })),
  );
}

/**
 * A migration's `db.schema.createTable('person')` declares person (`.withSchema('auth')` first
 * qualifies it); `dropTable` and `alterTable('a').renameTo('b')` remove a name, so that the link
 * step, replaying migrations in file-name order, declares only the tables that are left. Kysely
 * has no schema file: its migrations are where the tables are written down.
 */
function visitSchemaChain(links: ChainLink[], context: VisitContext): void {
  if (links[0] && isInRollback(links[0].node)) return;
  let schema: string | null = null;
  let altered: string | null = null;
  const qualify = (name: string) => (schema && !name.includes('.') ? `${schema}.${name}` : name);
  for (const link of links) {
    if (!link.args) continue;
    const name = getTableNames(link.args[0])[0];
    if (!name) continue;
    if (link.name === 'withSchema') schema = name;
    else if (link.name === 'createTable') recordCreatedTable(context, 'kysely', qualify(name), link.node);
    else if (link.name === 'dropTable') recordDroppedTable(context, 'kysely', qualify(name), link.node);
    else if (link.name === 'alterTable') altered = qualify(name);
    else if (link.name === 'renameTo' && altered) {
      recordDroppedTable(context, 'kysely', altered, link.node);
      recordCreatedTable(context, 'kysely', qualify(name), link.node);
    }
  }
}

/** `'person'`, `'person as p'`, `['person', 'pet as p']`; subqueries and callbacks name no table here. */
function getTableNames(argument: ts.Expression | undefined): string[] {
  if (!argument) return [];
  if (ts.isArrayLiteralExpression(argument)) return argument.elements.flatMap((element) => getTableNames(element));
  if (!ts.isStringLiteral(argument) && !ts.isNoSubstitutionTemplateLiteral(argument)) return [];
  const name = argument.text.trim().split(/\s+as\s+/i)[0]!.trim();
  return name ? [name] : [];
}
