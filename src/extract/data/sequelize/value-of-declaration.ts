import type ts from '../../../util/typescript.cjs';
import { getDecoratorArguments } from '../../syntax.js';
import { findDecorator, getReferencedClass, getTypeName, getTypeQueryName, getTypeReference, isClassLikeName } from '../class-orm/syntax.js';
import { toSymbolTarget, type Value } from '../class-orm/values.js';

const INJECT_MODEL = new Set(['InjectModel']);
const INJECT_CONNECTION = new Set(['InjectConnection']);
const MODEL_TYPES = new Set(['ModelStatic', 'ModelCtor', 'ModelType', 'Repository']);

/**
 * What a member or parameter holds: `@InjectModel(User) userModel: typeof User` (NestJS), a
 * `typeof User` or `ModelStatic<User>`, the `Sequelize` instance, or an instance typed `User`.
 */
export function valueOfSequelizeDeclaration(node: ts.ParameterDeclaration | ts.PropertyDeclaration): Value | null {
  const injected = findDecorator(node, INJECT_MODEL);
  if (injected) {
    const model = getReferencedClass(getDecoratorArguments(injected)[0]);
    return model ? { kind: 'model', entity: toSymbolTarget(model, false) } : null;
  }
  if (findDecorator(node, INJECT_CONNECTION)) return { kind: 'manager' };
  const typeOf = getTypeQueryName(node.type);
  if (typeOf) return { kind: 'model', entity: toSymbolTarget(typeOf, true) };
  const reference = getTypeReference(node.type);
  if (!reference) return null;
  if (MODEL_TYPES.has(reference.name)) {
    const model = getTypeName(reference.args[0]);
    return model ? { kind: 'model', entity: toSymbolTarget(model, false) } : null;
  }
  if (reference.name === 'Sequelize') return { kind: 'manager' };
  if (reference.args.length > 0 || !isClassLikeName(reference.name)) return null;
  return { kind: 'instance', entity: toSymbolTarget(reference.name, true) };
}
