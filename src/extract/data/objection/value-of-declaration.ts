import ts from '../../../util/typescript.cjs';
import { skipOuterExpressions } from '../../syntax.js';
import { getTypeName, getTypeQueryName, getTypeReference, isClassLikeName } from '../class-orm/syntax.js';
import { isTypeParameter } from '../class-orm/value-of-declaration.js';
import { toSymbolTarget, type Value } from '../class-orm/values.js';

/** Objection's types for a model class: `ModelClass<Person>`, `ModelStatic<Person>`. */
const MODEL_CLASS_TYPES = new Set(['ModelClass', 'ModelStatic']);
/** Types that are no model instance, though named like a class. */
const NOT_INSTANCES = new Set(['Transaction', 'Knex', 'QueryBuilder', 'Model', 'Promise', 'Partial', 'Array', 'Record', 'Date']);

/**
 * What a member or parameter holds: a model class (`typeof Person`, `ModelClass<Person>`, a
 * member set to the class itself: `model = Person`), or a model instance (`person: Person`),
 * whose `$query()` and `$relatedQuery()` the link step settles.
 */
export function valueOfObjectionDeclaration(node: ts.ParameterDeclaration | ts.PropertyDeclaration): Value | null {
  const typeOf = getTypeQueryName(node.type);
  if (typeOf) return { kind: 'model', entity: toSymbolTarget(typeOf, true) };
  const reference = getTypeReference(node.type);
  if (!reference) return valueOfInitializer(node.initializer);
  if (MODEL_CLASS_TYPES.has(reference.name)) {
    const model = getTypeName(reference.args[0]);
    return model && !isTypeParameter(model, node) ? { kind: 'model', entity: toSymbolTarget(model, false) } : null;
  }
  if (reference.args.length > 0 || !isClassLikeName(reference.name) || NOT_INSTANCES.has(reference.name)) return null;
  if (isTypeParameter(reference.name, node)) return null;
  return { kind: 'instance', entity: toSymbolTarget(reference.name, true) };
}

/** `private readonly model = Person`, `constructor(private people = Person)`. */
function valueOfInitializer(initializer: ts.Expression | undefined): Value | null {
  const node = initializer && skipOuterExpressions(initializer);
  if (!node || !ts.isIdentifier(node) || !isClassLikeName(node.text)) return null;
  return { kind: 'model', entity: toSymbolTarget(node.text, true) };
}
