import { ts } from 'ts-morph';
import type { DataAccessKind } from '../../../types.js';
import { getCalleeName } from '../call-chain.js';
import type { VisitContext } from '../../visitor.js';
import type { EntityTarget } from './values.js';

/** Callback-style transactions: TypeORM and Sequelize `transaction(cb)`, MikroORM `transactional(cb)`. */
const TRANSACTION_METHODS = new Set(['transaction', 'transactional']);

export interface AccessOptions {
  queryId?: string;
  transactionId?: string;
  /** Overrides the target's own flag: a guess about a certain entity is still a guess. */
  speculative?: boolean;
}

export interface Emitter {
  emit(target: EntityTarget, access: DataAccessKind, node: ts.Node, options?: AccessOptions): void;
}

export function createEmitter(context: VisitContext, via: string): Emitter {
  return {
    emit(target, access, node, options = {}) {
      const speculative = options.speculative ?? target.speculative;
      const transactionId = options.transactionId ?? findCallbackTransactionId(node);
      context.facts.accesses.push({
        ref: target.ref,
        access,
        via,
        line: context.lineOf(node),
        ...(speculative ? { speculative } : {}),
        ...(options.queryId ? { queryId: options.queryId } : {}),
        ...(transactionId ? { transactionId } : {}),
      });
    },
  };
}

/**
 * The transaction an access runs in when it sits inside the callback handed to
 * `dataSource.transaction(async (manager) => …)` or `em.transactional(…)`: the position of that
 * call, unique in the file (the same id the transaction's own parameter carries).
 */
export function findCallbackTransactionId(node: ts.Node): string | undefined {
  let child: ts.Node = node;
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isCallExpression(current) && current.arguments.some((argument) => argument === child)) {
      const name = getCalleeName(current);
      if (name !== null && TRANSACTION_METHODS.has(name)) return toTransactionId(current);
    }
    child = current;
  }
  return undefined;
}

export function toTransactionId(call: ts.Node): string {
  return `t${call.pos}`;
}
