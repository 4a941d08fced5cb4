import ts from '../../../util/typescript.cjs';
import { getStringValue } from '../../syntax.js';
import type { VisitContext } from '../../visitor.js';
import { getCallChain } from '../call-chain.js';

/** Table (and view) factories of each dialect: the first argument is the table's name. */
const TABLE_FACTORIES = new Set([
  'pgTable',
  'mysqlTable',
  'sqliteTable',
  'singlestoreTable',
  'gelTable',
  'pgView',
  'pgMaterializedView',
  'mysqlView',
  'sqliteView',
]);
const SCHEMA_FACTORIES = new Set(['pgSchema', 'mysqlSchema', 'singlestoreSchema']);
const CREATOR_FACTORIES = new Set(['pgTableCreator', 'mysqlTableCreator', 'sqliteTableCreator', 'singlestoreTableCreator']);
const SCHEMA_TABLE_METHODS = new Set(['table', 'view', 'materializedView']);

/**
 * Reads `const users = pgTable('users', …)`, `pgSchema('billing').table('invoices', …)` (also
 * through a schema variable) and tables made by a `pgTableCreator((name) => \`app_${name}\`)`.
 */
export function createDeclarationReader(): (declaration: ts.VariableDeclaration, context: VisitContext) => void {
  const schemas = new Map<string, string>();
  const creators = new Map<string, { prefix: string; suffix: string }>();
  return (declaration, context) => {
    if (!ts.isIdentifier(declaration.name) || !declaration.initializer) return;
    const symbol = declaration.name.text;
    const { root, rootCalled, links } = getCallChain(declaration.initializer);
    const first = links[0];
    if (!first?.args) return;
    let table: string | null = null;
    if (rootCalled && TABLE_FACTORIES.has(first.name)) table = getStringValue(first.args[0]);
    else if (rootCalled && SCHEMA_FACTORIES.has(first.name)) {
      const schema = getStringValue(first.args[0]);
      const next = links[1];
      if (schema !== null && !next) schemas.set(symbol, schema);
      else if (schema !== null && next?.args && SCHEMA_TABLE_METHODS.has(next.name)) table = qualify(schema, getStringValue(next.args[0]));
    } else if (rootCalled && CREATOR_FACTORIES.has(first.name)) {
      const naming = getNaming(first.args[0]);
      if (naming) creators.set(symbol, naming);
    } else if (rootCalled && creators.has(first.name)) {
      const name = getStringValue(first.args[0]);
      const naming = creators.get(first.name)!;
      if (name !== null) table = `${naming.prefix}${name}${naming.suffix}`;
    } else if (ts.isIdentifier(root) && schemas.has(root.text) && SCHEMA_TABLE_METHODS.has(first.name)) {
      table = qualify(schemas.get(root.text)!, getStringValue(first.args[0]));
    }
    if (table === null) return;
    context.facts.entities.push({ symbol, table, kind: 'table', via: 'drizzle', line: context.lineOf(declaration), modelName: symbol });
  };
}

function qualify(schema: string, name: string | null): string | null {
  return name === null ? null : `${schema}.${name}`;
}

/** `(name) => \`app_${name}\`` → prefix `app_`; anything more computed is not followed. */
function getNaming(argument: ts.Expression | undefined): { prefix: string; suffix: string } | null {
  if (!argument || !ts.isArrowFunction(argument)) return null;
  const body = argument.body;
  if (!ts.isTemplateExpression(body) || body.templateSpans.length !== 1) return null;
  return { prefix: body.head.text, suffix: body.templateSpans[0]!.literal.text };
}
