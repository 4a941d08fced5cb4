import { ts } from 'ts-morph';
import { getCallChain, getCalleeName } from './call-chain.js';

/** Methods whose callback or array argument runs as one transaction, across libraries. */
const TRANSACTION_METHODS = new Set(['transaction', '$transaction', 'withTransaction']);

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
      return `t${current.pos}`;
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

/** Accesses of one query share an id: the position of the query's outermost node in the file. */
export function toQueryId(node: ts.Node): string {
  return `q${node.pos}`;
}
