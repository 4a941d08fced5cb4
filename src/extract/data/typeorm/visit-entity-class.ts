import type ts from '../../../util/typescript.cjs';
import type { FileFacts, TableRef } from '../../file-facts.js';
import { getDecoratorArguments, getObjectProperty, getStringValue } from '../../syntax.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import { toRepositoryMember } from '../class-orm/repository-dialect.js';
import { getRelations, getRelationTargetName, toJunctionMember } from '../class-orm/relations.js';
import { findDecorator, getClassName, isImportedFromOtherLibrary, getExtendedClass, getReferencedClass, getTypeName, isDefaultExport } from '../class-orm/syntax.js';
import { toSymbolTarget } from '../class-orm/values.js';
import { toSnakeCase } from './to-table-name.js';

const ENTITY = new Set(['Entity', 'ViewEntity']);
const CHILD_ENTITY = new Set(['ChildEntity']);
const ENTITY_REPOSITORY = new Set(['EntityRepository']);
const JOIN_TABLE = new Set(['JoinTable']);
const REPOSITORY_BASES = new Set(['Repository', 'TreeRepository', 'MongoRepository', 'AbstractRepository']);

/**
 * What a TypeORM class declares: an entity and its table (`@Entity('users')`, or the class name
 * in snake_case), a single-table-inheritance child (`@ChildEntity()`, stored in its parent's
 * table), a custom repository (`extends Repository<User>`), relations and junction tables.
 */
export function visitEntityClass(node: ts.ClassLikeDeclaration, env: OrmEnv): void {
  const name = getClassName(node);
  if (!name) return;
  const facts = env.context.facts;
  const line = env.context.lineOf(node);
  const parent = getExtendedClass(node);
  const decorator = findDecorator(node, ENTITY);
  const entity = decorator && !isImportedFromOtherLibrary(decorator, env.context.facts.bindings, (specifier) => specifier.startsWith('@mikro-orm/')) ? decorator : undefined;
  let table: string | null = null;
  if (entity) {
    const [first, second] = getDecoratorArguments(entity);
    const given = getStringValue(first) ?? getStringValue(getObjectProperty(first, 'name')) ?? getStringValue(getObjectProperty(second, 'name'));
    table = given ?? toSnakeCase(name);
    facts.entities.push({ symbol: name, table, kind: 'table', via: 'typeorm', line, modelName: name, ...(given === null ? { derivedFrom: { name } } : {}) });
    if (isDefaultExport(node)) facts.aliases.push({ symbol: 'default', target: { kind: 'symbol', name } });
  }
  const child = findDecorator(node, CHILD_ENTITY);
  if (child && parent) facts.aliases.push({ symbol: name, target: { kind: 'symbol', name: parent.name } });
  if ((entity || child) && parent) facts.aliases.push({ symbol: `${name}:extends`, target: { kind: 'symbol', name: parent.name } });

  const repositoryOf = getRepositoryEntity(node, parent);
  if (repositoryOf) {
    facts.aliases.push({ symbol: name, target: { kind: 'symbol', name: repositoryOf } });
    facts.aliases.push({ symbol: toRepositoryMember(name), target: { kind: 'symbol', name: repositoryOf } });
    env.scope.setMember(node, '#self', { kind: 'repository', entity: toSymbolTarget(repositoryOf, false) });
  }
  recordRelations(node, name, table, facts, env);
}

/** `@EntityRepository(User)` or `extends Repository<User>` (also a project's own `BaseRepository<User>`). */
function getRepositoryEntity(node: ts.ClassLikeDeclaration, parent: ReturnType<typeof getExtendedClass>): string | null {
  const decorator = findDecorator(node, ENTITY_REPOSITORY);
  if (decorator) return getReferencedClass(getDecoratorArguments(decorator)[0]);
  if (!parent || !(REPOSITORY_BASES.has(parent.name) || parent.name.endsWith('Repository'))) return null;
  return getTypeName(parent.args[0]);
}

function recordRelations(node: ts.ClassLikeDeclaration, name: string, table: string | null, facts: FileFacts, env: OrmEnv): void {
  for (const relation of getRelations(node, 'typeorm')) {
    if (!relation.target) continue;
    facts.aliases.push({ symbol: `${name}.${relation.property}`, target: relation.target });
    if (relation.kind !== 'ManyToMany') continue;
    const junction = toJunctionMember(name, relation.property);
    const joinTable = findDecorator(relation.declaration, JOIN_TABLE);
    if (joinTable) {
      const given = getStringValue(getObjectProperty(getDecoratorArguments(joinTable)[0], 'name'));
      if (given) {
        facts.entities.push({ symbol: junction, table: given, kind: 'table', via: 'typeorm', line: env.context.lineOf(joinTable) });
      } else if (table) {
        facts.aliases.push({ symbol: junction, target: toDefaultJunction(table, relation.property, relation.target) });
      }
    } else if (relation.inverse) {
      // The inverse side: the junction is the one the owning side declares.
      const target = getRelationTargetName(relation);
      if (target) facts.aliases.push({ symbol: junction, target: { kind: 'symbol', name: toJunctionMember(target, relation.inverse) } });
    }
  }
}

/**
 * `snakeCase(owner + "_" + property + "_" + inverse)`. snakeCase never looks across an
 * underscore, so it can be applied piecewise; the inverse table's name is taken as it is
 * declared, which is the same when it is already snake_case, as table names nearly always are.
 */
function toDefaultJunction(ownerTable: string, property: string, target: TableRef): TableRef {
  return { kind: 'composite', parts: [`${toSnakeCase(ownerTable)}_${toSnakeCase(property)}_`, target] };
}
