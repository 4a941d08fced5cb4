import ts from '../../../util/typescript.cjs';
import { getObjectProperty, getStringValue, skipOuterExpressions } from '../../syntax.js';

/**
 * Collections an aggregation pipeline names besides its model's: `$lookup`/`$graphLookup`
 * `from` and `$unionWith` read; `$out` and `$merge` write.
 */
export function readAggregateStages(pipeline: ts.Expression | undefined): { table: string; access: 'read' | 'write' }[] {
  const found: { table: string; access: 'read' | 'write' }[] = [];
  const node = pipeline ? skipOuterExpressions(pipeline) : undefined;
  if (!node || !ts.isArrayLiteralExpression(node)) return found;
  for (const element of node.elements) {
    const stage = skipOuterExpressions(element);
    if (!ts.isObjectLiteralExpression(stage)) continue;
    for (const key of ['$lookup', '$graphLookup']) {
      const from = getStringValue(getObjectProperty(getObjectProperty(stage, key), 'from'));
      if (from !== null) found.push({ table: from, access: 'read' });
      // A $lookup's own pipeline may look up further collections.
      found.push(...readAggregateStages(getObjectProperty(getObjectProperty(stage, key), 'pipeline')));
    }
    const union = getObjectProperty(stage, '$unionWith');
    const unionName = getStringValue(union) ?? getStringValue(getObjectProperty(union, 'coll'));
    if (unionName !== null) found.push({ table: unionName, access: 'read' });
    const out = getObjectProperty(stage, '$out');
    const outName = getStringValue(out) ?? getStringValue(getObjectProperty(out, 'coll'));
    if (outName !== null) found.push({ table: outName, access: 'write' });
    const merge = getObjectProperty(stage, '$merge');
    const mergeName = getStringValue(merge) ?? getStringValue(getObjectProperty(merge, 'into'));
    if (mergeName !== null) found.push({ table: mergeName, access: 'write' });
  }
  return found;
}
