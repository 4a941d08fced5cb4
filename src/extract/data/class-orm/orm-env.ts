import type ts from '../../../util/typescript.cjs';
import type { VisitContext } from '../../visitor.js';
import type { Emitter } from './emitter.js';
import type { Scope } from './scope.js';
import type { Value } from './values.js';

/** What one ORM's semantics see of the file being walked. */
export interface OrmEnv {
  context: VisitContext;
  scope: Scope;
  emitter: Emitter;
}

/**
 * One class/decorator-based ORM (TypeORM, MikroORM, Sequelize): how it declares entities and
 * what its calls do. The shared visitor feeds it classes, calls and declarations in source order.
 */
export interface OrmSemantics {
  via: string;
  /** Entity declarations, relations and repository aliases of a class. */
  visitClass(node: ts.ClassLikeDeclaration, env: OrmEnv): void;
  /** What a typed or decorated member or parameter holds: a repository, a manager, a model. */
  valueOfDeclaration(node: ts.ParameterDeclaration | ts.PropertyDeclaration): Value | null;
  /** Records the accesses of one chain (when `emitting`) and returns what the chain yields. */
  evaluateChain(top: ts.CallExpression, env: OrmEnv, emitting: boolean): Value | null;
  /** Declarations made by calls: `User.init(...)`, `sequelize.define('User', ...)`. */
  visitCall?(node: ts.CallExpression, env: OrmEnv): void;
  /** Declarations made by variables: `new EntitySchema({...})`. */
  visitVariable?(node: ts.VariableDeclaration, env: OrmEnv): void;
  /** Declarations made by constructing an object, wherever it goes: `module.exports = new EntitySchema({...})`. */
  visitNew?(node: ts.NewExpression, env: OrmEnv): void;
}
