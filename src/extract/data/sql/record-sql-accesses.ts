import ts from '../../../util/typescript.cjs';
import type { VisitContext } from '../../visitor.js';
import { findTransactionId, recordQueryAccesses } from '../find-transaction-id.js';
import { getSqlTableAccesses } from './get-sql-table-accesses.js';
import { findEnclosingCteNames } from '../knex/find-enclosing-ctes.js';
import { stripLeadingTrivia } from './scan-sql.js';

const MAX_TEXT = 80;

/**
 * Records the tables one SQL text touches at `node`; a table named by a placeholder in
 * `symbols` is the imported constant it stands for, resolved at link time. Text that does not parse, or that names a
 * table only at run time, is recorded as unresolved with its location: the link step reports
 * it rather than dropping it.
 */
export function recordSqlAccesses(text: string, node: ts.Node, context: VisitContext, via = 'sql', symbols?: ReadonlyMap<string, string>): void {
  const line = context.lineOf(node);
  const transactionId = findTransactionId(node);
  const accesses = getSqlTableAccesses(text);
  if (accesses === null) {
    context.facts.accesses.push({
      ref: { kind: 'unresolved', text: toShortText(getSourceText(node) ?? text) },
      access: guessAccess(text),
      via,
      line,
      ...(transactionId ? { transactionId } : {}),
    });
    return;
  }
  const ctes = findEnclosingCteNames(node);
  recordQueryAccesses(
    context,
    node,
    via,
    accesses
      .filter(({ table }) => !ctes.has(table))
      .map(({ table, access }) => {
        const symbol = symbols?.get(table);
        return { ref: symbol ? { kind: 'symbol', name: symbol } : { kind: 'table', name: table }, access };
      }),
  );
}

/** The literal as written (`${table}` rather than its placeholder), for the diagnostic. */
function getSourceText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return node.getText().slice(1, -1);
  return null;
}

function guessAccess(text: string): 'read' | 'write' {
  return /^(?:\(\s*)?select\b/i.test(stripLeadingTrivia(text)) ? 'read' : 'write';
}

function toShortText(text: string): string {
  const compact = text.replace(/\s+/g, ' ').trim();
  return compact.length > MAX_TEXT ? `${compact.slice(0, MAX_TEXT - 1)}…` : compact;
}
