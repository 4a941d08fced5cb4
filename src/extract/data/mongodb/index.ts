// The MongoDB Node.js driver: https://www.mongodb.com/docs/drivers/node/current/
import ts from '../../../util/typescript.cjs';
import type { Workspace } from '../../../load/workspace.js';
import { getStringValue, skipOuterExpressions } from '../../syntax.js';
import type { TableRef } from '../../file-facts.js';
import type { FileVisitor, VisitContext } from '../../visitor.js';
import { type DataAdapter, hasDependency } from '../adapter.js';
import { recordQueryAccesses } from '../find-transaction-id.js';
import { readAggregateStages } from '../mongoose/read-aggregate-stages.js';

const READS = new Set(['find', 'findOne', 'aggregate', 'countDocuments', 'estimatedDocumentCount', 'distinct', 'watch', 'listIndexes']);
const WRITES = new Set([
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'bulkWrite',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'createIndex',
  'createIndexes',
  'dropIndex',
  'drop',
  'rename',
]);

export const mongodb: DataAdapter<true> = {
  name: 'mongodb',
  detect: (workspace: Workspace) => (hasDependency(workspace, 'mongodb', 'mongoose') ? true : null),
  /**
   * Collections used through the driver itself, as Express services without an ODM (and Mongoose
   * code that drops down to it) do: `db.collection('users').find(…)`, a collection kept in a
   * variable or member (`const users = db.collection('users')`, `this.orders =
   * client.db().collection('orders')`) and then queried, and `$lookup` stages of `aggregate`.
   */
  createVisitor(): FileVisitor {
    const collections = new Map<string, string>();
    const pending: { call: ts.CallExpression; name: string; method: string }[] = [];
    return {
      kinds: [ts.SyntaxKind.CallExpression],
      visit(node, context) {
        const call = node as ts.CallExpression;
        const callee = call.expression;
        if (!ts.isPropertyAccessExpression(callee)) return;
        const method = callee.name.text;
        if (method === 'collection') {
          const name = getStringValue(call.arguments[0]);
          const holder = name === null ? null : getHolderName(call);
          if (name !== null && holder !== null) collections.set(holder, name);
          return;
        }
        if (!READS.has(method) && !WRITES.has(method)) return;
        const receiver = skipOuterExpressions(callee.expression);
        const direct = getCollectionCall(receiver);
        if (direct !== null) record(call, direct, method, context);
        else {
          const holder = getReferenceName(receiver);
          if (holder !== null) pending.push({ call, name: holder, method });
        }
      },
      // A collection may be kept in a member that is assigned below the methods that use it.
      finish(context) {
        for (const { call, name, method } of pending) {
          const collection = collections.get(name);
          if (collection !== undefined) record(call, collection, method, context);
        }
      },
    };
  },
};

function record(call: ts.CallExpression, collection: string, method: string, context: VisitContext): void {
  const access = WRITES.has(method) ? ('write' as const) : ('read' as const);
  const stages = method === 'aggregate' ? readAggregateStages(call.arguments[0]) : [];
  const toRef = (name: string): TableRef => ({ kind: 'table', name, collection: true });
  recordQueryAccesses(context, call, 'mongodb', [
    { ref: toRef(collection), access },
    ...stages.map(({ table, access: stageAccess }) => ({ ref: toRef(table), access: stageAccess })),
  ]);
}

/** `db.collection('users')` (also `collection<User>('users')`) as the receiver itself: its name. */
function getCollectionCall(node: ts.Expression): string | null {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'collection') return null;
  return getStringValue(node.arguments[0]);
}

/** What a `collection()` result is stored in: `users` of `const users = …`, `this.users` of `this.users = …`. */
function getHolderName(call: ts.CallExpression): string | null {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return `this.${parent.name.text}`;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === node) return getReferenceName(parent.left);
  return null;
}

/** `users` or `this.users`; null for anything else. */
function getReferenceName(node: ts.Expression): string | null {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) return `this.${node.name.text}`;
  return null;
}
