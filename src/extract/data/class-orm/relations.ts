import ts from '../../../util/typescript.cjs';
import type { TableRef } from '../../file-facts.js';
import { getDecoratorArguments, getDecoratorName, getDecorators, getObjectProperty, getStringValue } from '../../syntax.js';
import { getInverseProperty, getReferencedClass, hasDecorators } from './syntax.js';

export interface Relation {
  property: string;
  /** ManyToOne, OneToMany, OneToOne, ManyToMany. */
  kind: string;
  target: TableRef | null;
  /** The property on the other side: `(user) => user.roles`, `'roles'`, `mappedBy: 'roles'`. */
  inverse: string | null;
  options: ts.ObjectLiteralExpression | undefined;
  declaration: ts.PropertyDeclaration;
}

const RELATION_DECORATORS = new Set(['ManyToOne', 'OneToMany', 'OneToOne', 'ManyToMany']);
const PROPERTY_DECLARATION = ts.SyntaxKind.PropertyDeclaration;

/**
 * The relation properties of an entity class, as TypeORM and MikroORM decorate them:
 * `@ManyToOne(() => User, (user) => user.orders, {...})`, `@ManyToOne('User')`,
 * `@ManyToMany({ entity: () => Tag, mappedBy: 'books' })`.
 */
export function getRelations(node: ts.ClassLikeDeclaration, orm: string): Relation[] {
  const relations: Relation[] = [];
  for (const member of node.members) {
    if (member.kind !== PROPERTY_DECLARATION || !hasDecorators(member)) continue;
    if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name)) continue;
    for (const decorator of getDecorators(member)) {
      const kind = getDecoratorName(decorator);
      if (!kind || !RELATION_DECORATORS.has(kind)) continue;
      relations.push(toRelation(member, kind, getDecoratorArguments(decorator), orm));
    }
  }
  return relations;
}

function toRelation(declaration: ts.PropertyDeclaration, kind: string, args: readonly ts.Expression[], orm: string): Relation {
  let target: TableRef | null = null;
  let inverse: string | null = null;
  let options: ts.ObjectLiteralExpression | undefined;
  args.forEach((argument, index) => {
    if (ts.isObjectLiteralExpression(argument)) {
      options = argument;
      target ??= toTarget(getObjectProperty(argument, 'entity'), orm);
      inverse ??= toInverse(getObjectProperty(argument, 'mappedBy') ?? getObjectProperty(argument, 'inversedBy'));
    } else if (index === 0) {
      target = toTarget(argument, orm);
    } else if (index === 1) {
      inverse = toInverse(argument);
    }
  });
  return { property: (declaration.name as ts.Identifier).text, kind, target, inverse, options, declaration };
}

function toTarget(expression: ts.Expression | undefined, orm: string): TableRef | null {
  const name = getStringValue(expression);
  if (name !== null) return { kind: 'model', orm, name };
  const symbol = getReferencedClass(expression);
  return symbol ? { kind: 'symbol', name: symbol } : null;
}

function toInverse(expression: ts.Expression | undefined): string | null {
  return getStringValue(expression) ?? getInverseProperty(expression);
}

/** The member name under which a relation's junction (pivot) table is declared or aliased. */
export function toJunctionMember(owner: string, property: string): string {
  return `${owner}.${property}:junction`;
}

/**
 * The class name of a relation's target, also when it is given as a string (`'Article'`): the
 * entity name is the class name, usually in scope through an `import type`.
 */
export function getRelationTargetName(relation: Relation): string | null {
  if (relation.target?.kind === 'symbol' || relation.target?.kind === 'model') return relation.target.name;
  return null;
}
