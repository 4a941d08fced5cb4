import type ts from '../../../util/typescript.cjs';
import type { DataAccessKind } from '../../../types.js';
import { findTransactionId } from '../find-transaction-id.js';
import type { VisitContext } from '../../visitor.js';
import type { EntityTarget } from './values.js';

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
      const transactionId = options.transactionId ?? findTransactionId(node);
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
