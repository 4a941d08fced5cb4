import type { ts } from 'ts-morph';
import type { VisitContext } from '../../visitor.js';
import { findTransactionId, toQueryId } from '../find-transaction-id.js';
import { getSqlTableAccesses } from './get-sql-table-accesses.js';
import { stripLeadingTrivia } from './scan-sql.js';

const MAX_TEXT = 80;

/**
 * Records the tables one SQL text touches at `node`. Text that does not parse, or that names a
 * table only at run time, is recorded as unresolved with its location: the link step reports
 * it rather than dropping it.
 */
export function recordSqlAccesses(text: string, node: ts.Node, context: VisitContext, via = 'sql'): void {
  const line = context.lineOf(node);
  const transactionId = findTransactionId(node);
  const accesses = getSqlTableAccesses(text);
  if (accesses === null) {
    context.facts.accesses.push({
      ref: { kind: 'unresolved', text: toShortText(text) },
      access: guessAccess(text),
      via,
      line,
      ...(transactionId ? { transactionId } : {}),
    });
    return;
  }
  const queryId = accesses.length > 1 ? toQueryId(node) : undefined;
  for (const access of accesses) {
    context.facts.accesses.push({
      ref: { kind: 'table', name: access.table },
      access: access.access,
      via,
      line,
      ...(queryId ? { queryId } : {}),
      ...(transactionId ? { transactionId } : {}),
    });
  }
}

function guessAccess(text: string): 'read' | 'write' {
  return /^(?:\(\s*)?select\b/i.test(stripLeadingTrivia(text)) ? 'read' : 'write';
}

function toShortText(text: string): string {
  const compact = text.replace(/\s+/g, ' ').trim();
  return compact.length > MAX_TEXT ? `${compact.slice(0, MAX_TEXT - 1)}…` : compact;
}
