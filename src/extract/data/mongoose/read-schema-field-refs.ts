import ts from '../../../util/typescript.cjs';
import { getObjectProperty, getPropertyName, getStringValue, getTailName, skipOuterExpressions } from '../../syntax.js';

/**
 * The fields of a schema definition that refer to other models, and the models they name:
 * `author: { type: Schema.Types.ObjectId, ref: 'User' }`, `tags: [{ type: ObjectId, ref: 'Tag' }]`,
 * `owner: { type: [{ type: ObjectId, ref: 'User' }] }`. Null when there are none.
 */
export function readSchemaFieldRefs(definition: ts.Expression | undefined): Record<string, string> | null {
  if (!definition) return null;
  const node = skipOuterExpressions(definition);
  if (!ts.isObjectLiteralExpression(node)) return null;
  const refs: Record<string, string> = {};
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const field = getPropertyName(property.name);
    const model = readFieldRef(property.initializer);
    if (field !== null && model !== null) refs[field] = model;
  }
  return Object.keys(refs).length > 0 ? refs : null;
}

/**
 * The model one field's options name: `ref: 'User'` or NestJS's `ref: User.name`, in the options
 * object, its `type` array or an array of such options (`@Prop({ type: [{ type: …, ref: 'Tag' }] })`).
 */
export function readFieldRef(options: ts.Expression | undefined): string | null {
  if (!options) return null;
  const node = skipOuterExpressions(options);
  if (ts.isArrayLiteralExpression(node)) return node.elements.length > 0 ? readFieldRef(node.elements[0]) : null;
  if (!ts.isObjectLiteralExpression(node)) return null;
  const ref = getObjectProperty(node, 'ref');
  if (ref) {
    const value = skipOuterExpressions(ref);
    if (ts.isPropertyAccessExpression(value) && value.name.text === 'name') return getTailName(value.expression);
    return getStringValue(value);
  }
  return readFieldRef(getObjectProperty(node, 'type'));
}
