// Sequelize models and table names: https://sequelize.org/docs/v6/core-concepts/model-basics/, https://github.com/sequelize/sequelize-typescript#model-definition
import type { Workspace } from '../../../load/workspace.js';
import type { DataAdapter } from '../adapter.js';
import { hasDependency } from '../adapter.js';
import { createOrmVisitor } from '../class-orm/create-orm-visitor.js';
import { visitModelCall, visitModelClass } from './declare-models.js';
import { evaluateSequelizeChain } from './evaluate-sequelize-chain.js';
import { visitSequelizeConstruction } from './read-project-defines.js';
import { valueOfSequelizeDeclaration } from './value-of-declaration.js';

/** Models (`define`, `init`, sequelize-typescript `@Table`), their static and instance calls, includes and transactions. */
export const sequelize: DataAdapter<true> = {
  name: 'sequelize',
  detect: (workspace: Workspace) => (hasDependency(workspace, 'sequelize', 'sequelize-typescript', '@nestjs/sequelize') ? true : null),
  createVisitor: () =>
    createOrmVisitor({
      via: 'sequelize',
      visitClass: visitModelClass,
      valueOfDeclaration: valueOfSequelizeDeclaration,
      evaluateChain: evaluateSequelizeChain,
      visitCall: visitModelCall,
      visitNew: visitSequelizeConstruction,
    }),
};
