import type ts from '../../../util/typescript.cjs';
import { getDecoratorArguments, getStringValue } from '../../syntax.js';
import type { RepositoryDialect } from './repository-dialect.js';
import { findDecorator, getReferencedClass, getTypeName, getTypeReference, isClassLikeName } from './syntax.js';
import { toSymbolTarget, type Value } from './values.js';

/**
 * What a member or parameter holds, from its decorator or its type: `@InjectRepository(User)`,
 * `Repository<User>`, `EntityManager`. A plain class type (`users: UserRepository`,
 * `user: User`) is a guess: a custom repository or an entity, which the link step settles.
 */
export function valueOfRepositoryDeclaration(dialect: RepositoryDialect, node: ts.ParameterDeclaration | ts.PropertyDeclaration): Value | null {
  const injected = findDecorator(node, dialect.repositoryDecorators);
  if (injected) {
    const argument = getDecoratorArguments(injected)[0];
    const name = getStringValue(argument);
    if (name !== null) return { kind: 'repository', entity: { ref: { kind: 'model', orm: dialect.orm, name }, speculative: false } };
    const entity = getReferencedClass(argument);
    return entity ? { kind: 'repository', entity: toSymbolTarget(entity, false) } : null;
  }
  if (findDecorator(node, dialect.managerDecorators)) return { kind: 'manager' };
  const reference = getTypeReference(node.type);
  if (!reference) return null;
  if (dialect.repositoryTypes.has(reference.name)) {
    const entity = getTypeName(reference.args[0]);
    return entity ? { kind: 'repository', entity: toSymbolTarget(entity, isTypeParameter(entity, node)) } : null;
  }
  if (dialect.managerTypes.has(reference.name)) return { kind: 'manager' };
  if (dialect.builderTypes.has(reference.name) || reference.args.length > 0 || !isClassLikeName(reference.name)) return null;
  if (isTypeParameter(reference.name, node)) return null;
  return { kind: 'repository', entity: toSymbolTarget(reference.name, true) };
}

/** `T` in `class BaseService<T> { constructor(repo: Repository<T>) }` is no entity. */
export function isTypeParameter(name: string, node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    const parameters = (current as { typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }).typeParameters;
    if (parameters?.some((parameter) => parameter.name.text === name)) return true;
  }
  return false;
}
