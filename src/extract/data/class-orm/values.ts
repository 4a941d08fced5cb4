import type ts from '../../../util/typescript.cjs';
import type { TableRef } from '../../file-facts.js';

/** An entity (or model) the code names, and whether it is only a guess the link step may drop. */
export interface EntityTarget {
  ref: TableRef;
  speculative: boolean;
}

/** One query builder: its accesses share `queryId`, so a join between tables stays visible. */
export interface BuilderState {
  queryId: string;
  /** The entity the builder was made for (`repo.createQueryBuilder('u')`), if any. */
  main: EntityTarget | null;
  aliases: Map<string, EntityTarget>;
  write: boolean;
  /** `.relation(User, 'roles')`: the builder works on that relation, not on its main entity. */
  relation: { owner: string; property: string; speculative: boolean } | null;
  /** Accesses of `main` already recorded, so a builder kept in a variable is not counted twice. */
  emitted: Set<'read' | 'write'>;
  /** Where the builder was made: the main entity's access is reported there. */
  node: ts.Node;
}

/**
 * What an expression evaluates to, as far as data access goes. Values are mutable on purpose:
 * `queryRunner.startTransaction()` marks the bound query runner, and every access through it
 * afterwards shares that transaction.
 */
export type Value =
  | { kind: 'repository'; entity: EntityTarget; transactionId?: string }
  | { kind: 'manager'; transactionId?: string }
  | { kind: 'builder'; state: BuilderState; transactionId?: string }
  | { kind: 'instance'; entity: EntityTarget }
  | { kind: 'model'; entity: EntityTarget }
  | { kind: 'transaction'; id: string }
  | { kind: 'this'; owner: ts.Node }
  /** An identifier nothing in this file explains: an import, a global, an untyped parameter. */
  | { kind: 'unknown'; name: string; imported: boolean };

export function toSymbolTarget(name: string, speculative: boolean): EntityTarget {
  return { ref: { kind: 'symbol', name }, speculative };
}
