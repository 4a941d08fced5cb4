import ts from '../../../util/typescript.cjs';
import type { FileFacts } from '../../file-facts.js';
import { getDecoratorArguments, getObjectProperty, getStringValue } from '../../syntax.js';
import type { OrmEnv } from '../class-orm/orm-env.js';
import { toRepositoryMember } from '../class-orm/repository-dialect.js';
import { getRelations, getRelationTargetName, type Relation, toJunctionMember } from '../class-orm/relations.js';
import { findDecorator, getClassName, getExtendedClass, getReferencedClass, getTypeName, isDefaultExport, isImportedFromOtherLibrary } from '../class-orm/syntax.js';
import { toSymbolTarget } from '../class-orm/values.js';
import type { MikroOrmOptions } from './options.js';
import { toMongoCollection, toUnderscore } from './to-table-name.js';

const ENTITY = new Set(['Entity']);
const REPOSITORY_BASES = new Set(['EntityRepository', 'SqlEntityRepository', 'MongoEntityRepository']);

/**
 * What a MikroORM class declares: an entity and its table (`tableName`/`collection`, else the
 * naming strategy's), an STI child (`discriminatorValue`, stored in its parent's table), a custom
 * repository (`extends EntityRepository<Book>`), relations and pivot tables.
 */
export function visitEntityClass(node: ts.ClassLikeDeclaration, env: OrmEnv, options: MikroOrmOptions): void {
  const name = getClassName(node);
  if (!name) return;
  const facts = env.context.facts;
  const parent = getExtendedClass(node);
  const decorator = findDecorator(node, ENTITY);
  const entity = decorator && !isImportedFromOtherLibrary(decorator, env.context.facts.bindings, (specifier) => specifier === 'typeorm') ? decorator : undefined;
  let table: string | null = null;
  if (entity) {
    const settings = getDecoratorArguments(entity)[0];
    const isChild = parent !== null && getObjectProperty(settings, 'discriminatorValue') !== undefined;
    const isAbstract = getObjectProperty(settings, 'abstract')?.kind === ts.SyntaxKind.TrueKeyword;
    if (isChild) facts.aliases.push({ symbol: name, target: { kind: 'symbol', name: parent.name } });
    else if (!isAbstract) {
      const given = getStringValue(getObjectProperty(settings, 'tableName')) ?? getStringValue(getObjectProperty(settings, 'collection'));
      table = given ?? (options.mongo ? toMongoCollection(name) : toUnderscore(name));
      const kind = options.mongo ? 'collection' : 'table';
      // MongoDB has no schema to check a derived collection name against.
      const derived = given === null && !options.mongo;
      facts.entities.push({ symbol: name, table, kind, via: 'mikro-orm', line: env.context.lineOf(node), modelName: name, ...(derived ? { derivedFrom: { name } } : {}) });
      if (isDefaultExport(node)) facts.aliases.push({ symbol: 'default', target: { kind: 'symbol', name } });
    }
    if (parent) facts.aliases.push({ symbol: `${name}:extends`, target: { kind: 'symbol', name: parent.name } });
  }
  if (parent && (REPOSITORY_BASES.has(parent.name) || parent.name.endsWith('Repository'))) {
    const repositoryOf = getTypeName(parent.args[0]);
    if (repositoryOf) {
      facts.aliases.push({ symbol: name, target: { kind: 'symbol', name: repositoryOf } });
      facts.aliases.push({ symbol: toRepositoryMember(name), target: { kind: 'symbol', name: repositoryOf } });
      env.scope.setMember(node, '#self', { kind: 'repository', entity: toSymbolTarget(repositoryOf, false) });
    }
  }
  for (const relation of getRelations(node, 'mikro-orm')) recordRelation(relation, name, table, facts, env);
}

function recordRelation(relation: Relation, owner: string, table: string | null, facts: FileFacts, env: OrmEnv): void {
  if (!relation.target) return;
  facts.aliases.push({ symbol: `${owner}.${relation.property}`, target: relation.target });
  if (relation.kind !== 'ManyToMany') return;
  const junction = toJunctionMember(owner, relation.property);
  const settings = relation.options;
  const isOwner = getObjectProperty(settings, 'owner')?.kind === ts.SyntaxKind.TrueKeyword || getObjectProperty(settings, 'inversedBy') !== undefined;
  if (!isOwner && relation.inverse) {
    const target = getRelationTargetName(relation);
    if (target) facts.aliases.push({ symbol: junction, target: { kind: 'symbol', name: toJunctionMember(target, relation.inverse) } });
    return;
  }
  const pivotEntity = getReferencedClass(getObjectProperty(settings, 'pivotEntity'));
  if (pivotEntity) {
    facts.aliases.push({ symbol: junction, target: { kind: 'symbol', name: pivotEntity } });
    return;
  }
  const pivotTable = getStringValue(getObjectProperty(settings, 'pivotTable')) ?? (table ? `${table}_${toUnderscore(relation.property)}` : null);
  if (pivotTable) facts.entities.push({ symbol: junction, table: pivotTable, kind: 'table', via: 'mikro-orm', line: env.context.lineOf(relation.declaration) });
}
