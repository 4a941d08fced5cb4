// TypeORM entities and naming: https://typeorm.io/docs/entity/entities, https://typeorm.io/docs/advanced-topics/naming-strategy
import type { Workspace } from '../../../load/workspace.js';
import type { DataAdapter } from '../adapter.js';
import { hasDependency } from '../adapter.js';
import { createOrmVisitor } from '../class-orm/create-orm-visitor.js';
import { evaluateRepositoryChain } from '../class-orm/evaluate-repository-chain.js';
import { valueOfRepositoryDeclaration } from '../class-orm/value-of-declaration.js';
import { typeormDialect } from './dialect.js';
import { visitEntityClass } from './visit-entity-class.js';
import { visitEntitySchema } from './visit-entity-schema.js';

/** Entities, repositories, entity managers and query builders of TypeORM (and @nestjs/typeorm). */
export const typeorm: DataAdapter<true> = {
  name: 'typeorm',
  detect: (workspace: Workspace) => (hasDependency(workspace, 'typeorm', '@nestjs/typeorm') ? true : null),
  createVisitor: () =>
    createOrmVisitor({
      via: 'typeorm',
      visitClass: visitEntityClass,
      valueOfDeclaration: (node) => valueOfRepositoryDeclaration(typeormDialect, node),
      evaluateChain: (top, env, emitting) => evaluateRepositoryChain(typeormDialect, top, env, emitting),
      visitNew: visitEntitySchema,
    }),
};
