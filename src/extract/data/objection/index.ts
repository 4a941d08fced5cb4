// Objection.js models, relations and queries: https://vincit.github.io/objection.js/guide/models.html, https://vincit.github.io/objection.js/api/query-builder/
import type { Workspace } from '../../../load/workspace.js';
import type { DataAdapter } from '../adapter.js';
import { hasDependency } from '../adapter.js';
import { createOrmVisitor } from '../class-orm/create-orm-visitor.js';
import { visitModelClass } from './declare-models.js';
import { evaluateObjectionChain } from './evaluate-objection-chain.js';
import { valueOfObjectionDeclaration } from './value-of-declaration.js';

/** Models (`static tableName`, `relationMappings`), `query()`/`$query()`/`relatedQuery()` chains, relation expressions and transactions. */
export const objection: DataAdapter<true> = {
  name: 'objection',
  detect: (workspace: Workspace) => (hasDependency(workspace, 'objection') ? true : null),
  createVisitor: () => {
    // This file's variables that keep a query to finish later: `const query = Person.query();`.
    const builders = new Set<string>();
    return createOrmVisitor({
      via: 'objection',
      visitClass: visitModelClass,
      valueOfDeclaration: valueOfObjectionDeclaration,
      evaluateChain: (top, env, emitting) => evaluateObjectionChain(top, env, emitting, builders),
    });
  },
};
