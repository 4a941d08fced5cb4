import ts from '../../../util/typescript.cjs';
import type { TableRef } from '../../file-facts.js';
import { getObjectProperty, getStringValue, skipOuterExpressions } from '../../syntax.js';
import type { VisitContext } from '../../visitor.js';
import { isModuleExports } from '../../imports/record-object-exports.js';
import { recordQueryAccesses } from '../find-transaction-id.js';
import { getModelRef } from './get-model-ref.js';
import { READ_METHODS, WRITE_METHODS } from './mongoose-methods.js';
import type { MongooseState } from './mongoose-state.js';
import { readAggregateStages } from './read-aggregate-stages.js';
import { readSchemaFieldRefs } from './read-schema-field-refs.js';

/** Model method calls (`User.find()`, `this.catModel.create()`), `doc.save()`, and `model('User', schema)` declarations. */
export function visitModelCall(call: ts.CallExpression, state: MongooseState, context: VisitContext): void {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) {
    if (callee.text === 'model') recordModelDeclaration(call, state, context);
    return;
  }
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  if (method === 'model') {
    recordModelDeclaration(call, state, context);
    return;
  }
  if (method === 'save' && call.arguments.length <= 1) {
    const receiver = skipOuterExpressions(callee.expression);
    // `doc.save()` of a local document, or `new User(req.body).save()` straight away.
    const ref = ts.isIdentifier(receiver)
      ? state.documents.get(receiver.text)
      : ts.isNewExpression(receiver)
        ? getModelRef(receiver.expression, state)?.ref
        : undefined;
    if (ref) push(context, call, [{ ref, access: 'write' }], ref.kind === 'symbol');
    return;
  }
  if (method === 'populate' && call.arguments.length >= 2) {
    // `User.populate(users, { path: 'organisation' })`: the model's own static, on documents at hand.
    const model = getModelRef(callee.expression, state);
    if (model) push(context, call, toPopulated(model.ref, [call.arguments[1]!]), model.speculative);
    return;
  }
  const isRead = READ_METHODS.has(method);
  if (!isRead && !WRITE_METHODS.has(method)) return;
  const model = getModelRef(callee.expression, state);
  if (!model) return;
  const found: { ref: TableRef; access: 'read' | 'write' }[] = [{ ref: model.ref, access: isRead ? 'read' : 'write' }];
  if (method === 'aggregate') {
    for (const stage of readAggregateStages(call.arguments[0])) found.push({ ref: { kind: 'table', name: stage.table }, access: stage.access });
  }
  found.push(...toPopulated(model.ref, getPopulateArguments(call)));
  push(context, call, found, model.speculative);
}

/**
 * The arguments of the `populate` calls chained on a query (`Post.find().populate('author')
 * .populate({ path: 'comments' })`): each names fields whose referenced documents the query
 * also reads, in one more round trip; a join in the application.
 */
function getPopulateArguments(query: ts.CallExpression): ts.Expression[] {
  const found: ts.Expression[] = [];
  let node: ts.Expression = query;
  for (;;) {
    const access = node.parent;
    const call = access?.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || !call || !ts.isCallExpression(call) || call.expression !== access) break;
    // `populate(path, select)`: only the first argument names fields.
    if (access.name.text === 'populate' && call.arguments[0]) found.push(call.arguments[0]);
    node = call;
  }
  return found;
}

/** Reads of the models the populated fields refer to: `'author comments'`, `{ path: 'author' }`, arrays of either; `author.company` populates `author`. */
function toPopulated(owner: TableRef, populateArguments: readonly ts.Expression[]): { ref: TableRef; access: 'read' }[] {
  const fields = new Set<string>();
  const collect = (argument: ts.Expression | undefined) => {
    if (!argument) return;
    const node = skipOuterExpressions(argument);
    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) collect(element);
      return;
    }
    const paths = ts.isObjectLiteralExpression(node) ? getStringValue(getObjectProperty(node, 'path')) : getStringValue(node);
    for (const path of paths?.split(/\s+/) ?? []) if (path !== '') fields.add(path.split('.')[0]!);
  };
  for (const argument of populateArguments) collect(argument);
  return [...fields].map((field) => ({ ref: { kind: 'field', orm: 'mongoose', owner, field }, access: 'read' }));
}

function push(context: VisitContext, call: ts.CallExpression, found: { ref: TableRef; access: 'read' | 'write' }[], speculative: boolean): void {
  recordQueryAccesses(
    context,
    call,
    'mongoose',
    // A populated field whose schema seams could not read is no finding: dropped quietly.
    found.map(({ ref, access }) => ({ ref, access, speculative: (speculative && ref.kind === 'symbol') || ref.kind === 'field' })),
  );
}

/** `const User = model('User', userSchema, 'people')`, also `models.User || model(…)` and `export default model(…)`. */
function recordModelDeclaration(call: ts.CallExpression, state: MongooseState, context: VisitContext): void {
  if (call.arguments.length < 2) return;
  const modelName = getStringValue(call.arguments[0]);
  if (modelName === null) return;
  const schemaArgument = skipOuterExpressions(call.arguments[1]!);
  state.models.push({
    symbol: findAssignedName(call) ?? `mongoose:${modelName}`,
    modelName,
    collection: getStringValue(call.arguments[2]),
    schema: ts.isIdentifier(schemaArgument) ? schemaArgument.text : null,
    fieldRefs: ts.isNewExpression(schemaArgument) ? readSchemaFieldRefs(schemaArgument.arguments?.[0]) : null,
    line: context.lineOf(call),
  });
  if (!ts.isIdentifier(schemaArgument) && ts.isNewExpression(schemaArgument)) {
    const collection = getInlineCollection(schemaArgument);
    if (collection) state.models[state.models.length - 1]!.collection ??= collection;
  }
}

function getInlineCollection(schema: ts.NewExpression): string | null {
  const options = schema.arguments?.[1];
  if (!options || !ts.isObjectLiteralExpression(options)) return null;
  for (const property of options.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'collection') {
      return getStringValue(property.initializer);
    }
  }
  return null;
}

function findAssignedName(call: ts.CallExpression): string | null {
  let node: ts.Node = call;
  while (
    (ts.isBinaryExpression(node.parent) && node.parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) ||
    ts.isParenthesizedExpression(node.parent) ||
    ts.isAsExpression(node.parent) ||
    ts.isConditionalExpression(node.parent)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  // `export = model(…)` is what require() gives, `export default model(…)` the default import.
  if (ts.isExportAssignment(parent)) return parent.isExportEquals ? '*' : 'default';
  return getCommonJsExportName(node);
}

/** `module.exports = model(…)` exports the module itself (`*`); `exports.User = model(…)` exports `User`. */
function getCommonJsExportName(node: ts.Node): string | null {
  const assignment = node.parent;
  if (!ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken || assignment.right !== node) return null;
  const target = assignment.left;
  if (isModuleExports(target)) return '*';
  if (!ts.isPropertyAccessExpression(target)) return null;
  const owner = target.expression;
  return isModuleExports(owner) || (ts.isIdentifier(owner) && owner.text === 'exports') ? target.name.text : null;
}
