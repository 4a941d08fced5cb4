import type ts from '../../util/typescript.cjs';
import type { EntityDeclaration } from '../file-facts.js';
import type { VisitContext } from '../visitor.js';

/**
 * A migration creates `table`: declared like an entity, and kept in order with the drops, so
 * that the link step can replay them (replay-schema-changes.ts).
 */
export function recordCreatedTable(context: VisitContext, via: string, table: string, node: ts.Node): void {
  const line = context.lineOf(node);
  context.facts.entities.push({ symbol: toCreationSymbol(via, table), table, kind: 'table', via, line });
  context.facts.schemaChanges.push({ table, via, created: true, line });
}

/** A migration drops `table`, or renames it away. */
export function recordDroppedTable(context: VisitContext, via: string, table: string, node: ts.Node): void {
  context.facts.schemaChanges.push({ table, via, created: false, line: context.lineOf(node) });
}

/** Whether an entity declaration stands for a table a migration creates, not for a model of the code. */
export function isSchemaCreation(entity: EntityDeclaration): boolean {
  return entity.symbol === toCreationSymbol(entity.via, entity.table);
}

function toCreationSymbol(via: string, table: string): string {
  return `${via}:${table}`;
}
