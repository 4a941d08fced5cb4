import ts from '../../../util/typescript.cjs';
import type { TableRef } from '../../file-facts.js';
import { getPropertyName, skipOuterExpressions } from '../../syntax.js';
import type { VisitContext } from '../../visitor.js';
import { type ChainLink, getCallChain } from '../call-chain.js';
import { recordQueryAccesses } from '../find-transaction-id.js';

const SELECTS = new Set(['select', 'selectDistinct', 'selectDistinctOn']);
const WRITES = new Set(['insert', 'update', 'delete']);
const JOINS = new Set(['innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin', 'innerJoinLateral', 'leftJoinLateral', 'crossJoinLateral']);
const RELATIONAL_METHODS = new Set(['findMany', 'findFirst']);

interface Found {
  ref: TableRef;
  access: 'read' | 'write';
}

/**
 * One Drizzle query: `select().from(t)` and its joins read, `insert(t)`/`update(t)`/`delete(t)`
 * write (`update(t).from(u)` reads u), `db.query.t.findMany({ with })` reads t and the relations
 * it loads, `db.$count(t)` reads. Every reference is speculative: `map.delete(key)` has the same
 * shape, and only names that resolve to a declared table object count.
 */
export function visitDrizzleChain(top: ts.CallExpression, context: VisitContext): void {
  const { links } = getCallChain(top);
  const found: Found[] = [];
  let mode: 'select' | 'write' | null = null;
  for (let index = 0; index < links.length; index++) {
    const link = links[index]!;
    if (link.name === 'query' && !link.args) {
      readRelationalQuery(links, index, found);
      break;
    }
    if (!link.args) continue;
    if (SELECTS.has(link.name)) mode = 'select';
    else if (WRITES.has(link.name) && link.args.length === 1) {
      const ref = toRef(link.args[0]);
      if (ref) found.push({ ref, access: 'write' });
      mode = 'write';
    } else if (link.name === '$count') {
      const ref = toRef(link.args[0]);
      if (ref) found.push({ ref, access: 'read' });
    } else if (mode && (link.name === 'from' || JOINS.has(link.name))) {
      const ref = toRef(link.args[0]);
      if (ref) found.push({ ref, access: 'read' });
    }
  }
  recordQueryAccesses(
    context,
    top,
    'drizzle',
    found.map(({ ref, access }) => ({ ref, access, speculative: true })),
  );
}

/** `db.query.users.findMany({ with: { posts: true } })`: keys of `query` are the schema's table names. */
function readRelationalQuery(links: ChainLink[], index: number, found: Found[]): void {
  const table = links[index + 1];
  const method = links[index + 2];
  if (!table || table.args || !method?.args || !RELATIONAL_METHODS.has(method.name)) return;
  found.push({ ref: { kind: 'model', orm: 'drizzle', name: table.name }, access: 'read' });
  readWith(method.args[0], found, 0);
}

/** Relation names usually match the related table's name (`posts: many(posts)`); others drop quietly. */
function readWith(options: ts.Expression | undefined, found: Found[], depth: number): void {
  if (!options || depth > 6 || !ts.isObjectLiteralExpression(options)) return;
  for (const property of options.properties) {
    if (!ts.isPropertyAssignment(property) || getPropertyName(property.name) !== 'with') continue;
    const relations = skipOuterExpressions(property.initializer);
    if (!ts.isObjectLiteralExpression(relations)) continue;
    for (const relation of relations.properties) {
      if (!ts.isPropertyAssignment(relation)) continue;
      const name = getPropertyName(relation.name);
      if (name === null || relation.initializer.kind === ts.SyntaxKind.FalseKeyword) continue;
      found.push({ ref: { kind: 'model', orm: 'drizzle', name }, access: 'read' });
      readWith(skipOuterExpressions(relation.initializer), found, depth + 1);
    }
  }
}

/** `users` is a symbol resolved through imports; `schema.users` names the table object by its name. */
function toRef(argument: ts.Expression | undefined): TableRef | null {
  if (!argument) return null;
  const node = skipOuterExpressions(argument);
  if (ts.isIdentifier(node)) return { kind: 'symbol', name: node.text };
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) return { kind: 'model', orm: 'drizzle', name: node.name.text };
  return null;
}
