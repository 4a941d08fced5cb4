import ts from '../../util/typescript.cjs';
import { getCalleeName } from '../syntax.js';
import type { DataAccessKind } from '../../types.js';
import type { TableRef } from '../file-facts.js';
import type { VisitContext } from '../visitor.js';
import { getCallChain } from './call-chain.js';

/**
 * Methods whose callback or array argument runs as one transaction, across libraries: TypeORM,
 * Sequelize, Knex and Drizzle `transaction`, MikroORM `transactional`, Prisma `$transaction`,
 * Mongoose `withTransaction`.
 */
const TRANSACTION_METHODS = new Set(['transaction', 'transactional', '$transaction', 'withTransaction']);

/**
 * The transaction an access runs in, if it sits inside the callback (or the array) handed to
 * `knex.transaction(trx => …)`, `prisma.$transaction([…])`, `db.transaction().execute(trx => …)`,
 * `session.withTransaction(…)`: accesses of one transaction share the id. The id is the
 * position of the transaction call, unique within the file (the link step prefixes the file).
 */
export function findTransactionId(node: ts.Node): string | undefined {
  let child: ts.Node = node;
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isCallExpression(current) && current.arguments.some((argument) => argument === child) && isTransactionCall(current)) {
      return toTransactionId(current);
    }
    child = current;
  }
  return undefined;
}

function isTransactionCall(call: ts.CallExpression): boolean {
  const name = getCalleeName(call);
  if (name !== null && TRANSACTION_METHODS.has(name)) return true;
  // Kysely: db.transaction().setIsolationLevel('serializable').execute(async (trx) => …)
  if (name !== 'execute') return false;
  return getCallChain(call).links.some((link) => link.name === 'transaction' && link.args !== null);
}

/** A transaction's id: the position of the call that opens it, unique within the file. */
export function toTransactionId(node: ts.Node): string {
  return `t${node.pos}`;
}

/** Accesses of one query share an id: the position of the query's outermost node in the file. */
export function toQueryId(node: ts.Node): string {
  return `q${node.pos}`;
}

export interface QueryAccess {
  ref: TableRef;
  access: DataAccessKind;
  speculative?: boolean;
}

/**
 * Records the accesses of one query at `node`: they share a query id when there are several
 * (a join), and the id of the transaction the query runs in, if any.
 */
export function recordQueryAccesses(context: VisitContext, node: ts.Node, via: string, accesses: QueryAccess[]): void {
  if (accesses.length === 0) return;
  const line = context.lineOf(node);
  const queryId = accesses.length > 1 ? toQueryId(node) : undefined;
  const transactionId = findTransactionId(node);
  for (const { ref, access, speculative } of accesses) {
    context.facts.accesses.push({
      ref,
      access,
      via,
      line,
      ...(speculative ? { speculative } : {}),
      ...(queryId ? { queryId } : {}),
      ...(transactionId ? { transactionId } : {}),
    });
  }
}
