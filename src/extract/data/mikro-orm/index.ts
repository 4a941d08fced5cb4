// MikroORM entities and naming: https://mikro-orm.io/docs/defining-entities, https://mikro-orm.io/docs/naming-strategy
import type { Workspace } from '../../../load/workspace.js';
import type { DataAdapter } from '../adapter.js';
import { createOrmVisitor } from '../class-orm/create-orm-visitor.js';
import { evaluateRepositoryChain } from '../class-orm/evaluate-repository-chain.js';
import { valueOfRepositoryDeclaration } from '../class-orm/value-of-declaration.js';
import { mikroOrmDialect } from './dialect.js';
import type { MikroOrmOptions } from './options.js';
import { visitEntityClass } from './visit-entity-class.js';
import { visitEntitySchema } from './visit-entity-schema.js';

/** Entities, EntityManager (`em`), repositories and query builders of MikroORM (and @mikro-orm/nestjs). */
export const mikroOrm: DataAdapter<MikroOrmOptions> = {
  name: 'mikro-orm',
  detect(workspace: Workspace) {
    if (!workspace.dependencies.some((name) => name.startsWith('@mikro-orm/'))) return null;
    return { mongo: workspace.dependencies.includes('@mikro-orm/mongodb') };
  },
  createVisitor: (options) =>
    createOrmVisitor({
      via: 'mikro-orm',
      visitClass: (node, env) => visitEntityClass(node, env, options),
      valueOfDeclaration: (node) => valueOfRepositoryDeclaration(mikroOrmDialect, node),
      evaluateChain: (top, env, emitting) => evaluateRepositoryChain(mikroOrmDialect, top, env, emitting),
      visitVariable: (node, env) => visitEntitySchema(node, env, options),
    }),
};
