import ts from '../../../util/typescript.cjs';
import { skipOuterExpressions } from '../../syntax.js';

/** `'users'` → users, `'users as u'` → users, `'public.users'` kept, `{ u: 'users' }` → users. */
export function toTableName(argument: ts.Expression | undefined): string | null {
  if (!argument) return null;
  const node = skipOuterExpressions(argument);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    const name = node.text.trim().split(/\s+as\s+/i)[0]!.trim();
    // Any identifier a database accepts (quoted names may hold anything but spaces here): reject
    // only text that is clearly not a table name, such as SQL or an empty string.
    return name.length > 0 && !/\s/.test(name) ? name : null;
  }
  if (ts.isObjectLiteralExpression(node) && node.properties.length === 1) {
    const property = node.properties[0]!;
    // `knex({ client: 'pg' })` makes a connection: its one property is configuration, not an alias.
    if (ts.isPropertyAssignment(property) && !isKnexOption(property.name)) return toTableName(property.initializer);
  }
  return null;
}

/** Options of the knex factory (https://knexjs.org/guide/#configuration-options) that a one-property config may hold. */
const KNEX_OPTIONS = new Set(['client', 'dialect', 'connection', 'version', 'searchPath', 'debug']);

function isKnexOption(name: ts.PropertyName): boolean {
  return (ts.isIdentifier(name) || ts.isStringLiteral(name)) && KNEX_OPTIONS.has(name.text);
}
