import type ts from '../../../util/typescript.cjs';
import type { DataAccessKind } from '../../../types.js';
import type { ChainLink } from '../call-chain.js';
import type { OrmEnv } from './orm-env.js';
import type { RepositoryDialect } from './repository-dialect.js';
import { getLinkNameNode } from './syntax.js';
import type { EntityTarget, Value } from './values.js';

/** One evaluation of a repository-style chain. */
export interface Run {
  dialect: RepositoryDialect;
  env: OrmEnv;
  /** False when a chain is only evaluated for its value (an argument), so nothing is recorded twice. */
  emitting: boolean;
  /** The chain starts at a local variable (not a member): `queryRunner.startTransaction()` may mark it. */
  localRoot: boolean;
  /** Evaluates another chain (an argument: `manager.save(manager.create(User, …))`) for its value only. */
  evaluate(call: ts.CallExpression): Value | null;
}

/** Records an access at the link's own name, unless the chain is only evaluated for its value. */
export function emit(
  run: Run,
  entity: EntityTarget,
  access: DataAccessKind,
  link: ChainLink,
  options: { queryId?: string; transactionId?: string | undefined },
): void {
  if (!run.emitting) return;
  run.env.emitter.emit(entity, access, getLinkNameNode(link.node), {
    ...(options.queryId ? { queryId: options.queryId } : {}),
    ...(options.transactionId ? { transactionId: options.transactionId } : {}),
  });
}
