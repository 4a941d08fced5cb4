import ts from '../../../util/typescript.cjs';
import { type ChainLink, getCallChain } from '../call-chain.js';
import { recordQueryAccesses } from '../find-transaction-id.js';
import type { VisitContext } from '../../visitor.js';
import {
  BUILDER_METHODS,
  CREATE_TABLE_METHODS,
  CTE_METHODS,
  DROP_TABLE_METHODS,
  INSTANCE_NAME,
  JOIN_METHODS,
  TABLE_METHODS,
  WRITE_METHODS,
} from './knex-methods.js';
import { isInRollback } from '../is-in-rollback.js';
import { recordCreatedTable, recordDroppedTable } from '../record-schema-change.js';
import { toTableName } from './to-table-name.js';
import { toConstantName } from '../table-constants.js';
import type { TableRef } from '../../file-facts.js';

interface Receiver {
  name: string;
  /** Arguments of `knex('users')` when the instance itself is called. */
  call: readonly ts.Expression[] | null;
  links: ChainLink[];
}

/**
 * One Knex query chain: its main table (`knex('t')`, `.from('t')`, `.table('t')`, `.into('t')`)
 * is written when the chain has a write verb and read otherwise; joined tables are read, in the
 * same query. `knex.schema.createTable('t')` declares t.
 */
export function visitKnexChain(top: ts.CallExpression, instances: Set<string>, context: VisitContext): void {
  const receiver = getReceiver(top);
  if (!receiver) return;
  const known = receiver.name === 'knex' || instances.has(receiver.name);
  if (!known && !INSTANCE_NAME.test(receiver.name)) return;
  const { links } = receiver;
  if (links[0]?.name === 'schema' || links[0]?.name === 'withSchema') {
    visitSchemaChain(links, context);
    return;
  }
  // A call of some `db(...)` is a query only when a builder method follows it.
  if (receiver.call && !known && !(links[0] && BUILDER_METHODS.has(links[0].name))) return;

  let main = receiver.call ? toTableRef(receiver.call[0]) : null;
  if (receiver.call && receiver.call.length !== 1) main = null;
  // `knex(config)` makes an instance; `db(TABLE)` alone could be either, a builder method settles it.
  if (main?.kind === 'symbol' && !(links[0] && BUILDER_METHODS.has(links[0].name))) main = null;
  let schema: string | null = null;
  let write = false;
  const joined: TableRef[] = [];
  const ctes = new Set<string>();
  for (const link of links) {
    if (!link.args) continue;
    if (TABLE_METHODS.has(link.name)) main = toTableRef(link.args[0]) ?? main;
    else if (JOIN_METHODS.has(link.name)) {
      const table = toTableRef(link.args[0]);
      if (table) joined.push(table);
    } else if (WRITE_METHODS.has(link.name)) write = true;
    else if (link.name === 'withSchema') schema = toTableName(link.args[0]);
    else if (CTE_METHODS.has(link.name)) {
      const name = toTableName(link.args[0]);
      if (name) ctes.add(name);
    }
  }
  const isCte = (ref: TableRef) => ref.kind === 'table' && ctes.has(ref.name);
  const qualify = (ref: TableRef): TableRef => {
    if (!schema) return ref;
    if (ref.kind === 'table') return ref.name.includes('.') ? ref : { kind: 'table', name: `${schema}.${ref.name}` };
    return { kind: 'composite', parts: [`${schema}.`, ref] };
  };
  const accesses: { ref: TableRef; access: 'read' | 'write' }[] = [];
  if (main && !isCte(main)) accesses.push({ ref: qualify(main), access: write ? 'write' : 'read' });
  for (const table of joined) if (!isCte(table)) accesses.push({ ref: qualify(table), access: 'read' });
  recordQueryAccesses(context, top, 'knex', accesses);
}

/**
 * A table argument: a literal (`'users as u'`), or a constant (`TABLE`, `T.ROLES`) that the link
 * step resolves through this file's or an imported module's `const` (see table-constants.ts).
 * `this.tableName` and other run-time values stay unknown and are left out, as before.
 */
function toTableRef(argument: ts.Expression | undefined): TableRef | null {
  const literal = toTableName(argument);
  if (literal !== null) return { kind: 'table', name: literal };
  const constant = argument ? toConstantName(argument) : null;
  return constant ? { kind: 'symbol', name: constant } : null;
}

/**
 * `knex.schema.createTable('t', …)` (also `.withSchema('s')`) declares t; `dropTable('t')` and
 * `renameTable('a', 'b')` are recorded too, so that the link step can replay the migrations in
 * order and keep only the tables that still exist. A migration's `down` undoes its `up` and
 * is skipped: the table it re-creates was dropped.
 */
function visitSchemaChain(links: ChainLink[], context: VisitContext): void {
  if (links[0] && isInRollback(links[0].node)) return;
  let schema: string | null = null;
  const qualify = (name: string) => (schema && !name.includes('.') ? `${schema}.${name}` : name);
  const declare = (table: string, node: ts.Node) => recordCreatedTable(context, 'knex', table, node);
  const drop = (table: string, node: ts.Node) => recordDroppedTable(context, 'knex', table, node);
  for (const link of links) {
    if (!link.args) continue;
    if (link.name === 'withSchema') schema = toTableName(link.args[0]);
    const name = toTableName(link.args[0]);
    if (!name) continue;
    if (CREATE_TABLE_METHODS.has(link.name)) declare(qualify(name), link.node);
    else if (DROP_TABLE_METHODS.has(link.name)) drop(qualify(name), link.node);
    else if (link.name === 'renameTable') {
      const renamed = toTableName(link.args[1]);
      if (!renamed) continue;
      drop(qualify(name), link.node);
      declare(qualify(renamed), link.node);
    }
  }
}

/** Who the chain starts from: `knex(…)`, `knex.from(…)`, `this.knex(…)`, `this.db.from(…)`. */
function getReceiver(top: ts.CallExpression): Receiver | null {
  const chain = getCallChain(top);
  const [first, ...rest] = chain.links;
  if (!first) return null;
  if (chain.rootCalled) return { name: first.name, call: first.args, links: rest };
  if (ts.isIdentifier(chain.root)) return { name: chain.root.text, call: null, links: chain.links };
  if (chain.root.kind === ts.SyntaxKind.ThisKeyword) return { name: first.name, call: first.args, links: rest };
  return null;
}
