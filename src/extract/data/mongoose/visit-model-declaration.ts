import ts from '../../../util/typescript.cjs';
import {
  getCalleeName,
  getDecoratorArguments,
  getDecoratorName,
  getDecorators,
  getObjectProperty,
  getPropertyName,
  getStringValue,
  getTailName,
  skipOuterExpressions,
} from '../../syntax.js';
import type { VisitContext } from '../../visitor.js';
import { getModelRef } from './get-model-ref.js';
import { DOCUMENT_METHODS } from './mongoose-methods.js';
import type { MongooseState } from './mongoose-state.js';
import { readFieldRef, readSchemaFieldRefs } from './read-schema-field-refs.js';
import { toCollectionName } from './to-collection-name.js';

/** Schemas and their `collection` option, NestJS `@Schema` classes, injected models and local documents. */
export function visitDeclarations(node: ts.Node, state: MongooseState, context: VisitContext): void {
  if (ts.isDecorator(node)) visitSchemaDecorator(node, context);
  else if (ts.isParameter(node) || ts.isPropertyDeclaration(node)) visitModelHolder(node, state);
  else if (ts.isVariableDeclaration(node)) visitVariable(node, state, context);
}

/** Model names become collections once the whole file (and so every schema) has been seen. */
export function finishModelDeclarations(state: MongooseState, context: VisitContext): void {
  for (const model of state.models) {
    const collection =
      model.collection ?? (model.schema ? state.schemaCollections.get(model.schema) : undefined) ?? toCollectionName(model.modelName);
    const fieldRefs = model.fieldRefs ?? (model.schema ? state.schemaFieldRefs.get(model.schema) : undefined);
    context.facts.entities.push({
      symbol: model.symbol,
      table: collection,
      kind: 'collection',
      via: 'mongoose',
      line: model.line,
      modelName: model.modelName,
      ...(fieldRefs ? { fieldRefs } : {}),
    });
  }
}

/** `@Schema({ collection: 'cats' }) export class Cat {}` from @nestjs/mongoose: model `Cat` (forFeature's `Cat.name`). */
function visitSchemaDecorator(decorator: ts.Decorator, context: VisitContext): void {
  if (getDecoratorName(decorator) !== 'Schema' || !ts.isClassDeclaration(decorator.parent) || !decorator.parent.name) return;
  const binding = context.facts.bindings.find((candidate) => candidate.local === 'Schema');
  if (binding?.specifier !== '@nestjs/mongoose') return;
  const className = decorator.parent.name.text;
  const collection = getStringValue(getObjectProperty(getDecoratorArguments(decorator)[0], 'collection'));
  const fieldRefs = readPropRefs(decorator.parent);
  context.facts.entities.push({
    symbol: className,
    table: collection ?? toCollectionName(className),
    kind: 'collection',
    via: 'mongoose',
    line: context.lineOf(decorator.parent),
    modelName: className,
    ...(fieldRefs ? { fieldRefs } : {}),
  });
}

/** `@Prop({ type: Types.ObjectId, ref: User.name }) author` and `@Prop([{ type: …, ref: 'Tag' }]) tags` of a schema class. */
function readPropRefs(schemaClass: ts.ClassDeclaration): Record<string, string> | null {
  const refs: Record<string, string> = {};
  for (const member of schemaClass.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    const field = getPropertyName(member.name);
    const prop = getDecorators(member).find((decorator) => getDecoratorName(decorator) === 'Prop');
    const model = prop ? readFieldRef(getDecoratorArguments(prop)[0]) : null;
    if (field !== null && model !== null) refs[field] = model;
  }
  return Object.keys(refs).length > 0 ? refs : null;
}

/** `@InjectModel(Cat.name) private catModel: Model<Cat>`: the decorator names the model, else the type does. */
function visitModelHolder(node: ts.ParameterDeclaration | ts.PropertyDeclaration, state: MongooseState): void {
  if (!ts.isIdentifier(node.name)) return;
  let modelName: string | null = null;
  for (const decorator of getDecorators(node)) {
    if (getDecoratorName(decorator) !== 'InjectModel') continue;
    const argument = getDecoratorArguments(decorator)[0];
    modelName = getStringValue(argument);
    // Cat.name is the class name.
    if (modelName === null && argument && ts.isPropertyAccessExpression(argument) && argument.name.text === 'name') {
      modelName = getTailName(argument.expression);
    }
  }
  if (modelName === null && node.type && ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName)) {
    const typeArgument = node.type.typeArguments?.[0];
    if (node.type.typeName.text === 'Model' && typeArgument && ts.isTypeReferenceNode(typeArgument) && ts.isIdentifier(typeArgument.typeName)) {
      modelName = typeArgument.typeName.text.replace(/^I(?=[A-Z])/, '').replace(/Document$/, '');
    }
  }
  if (modelName !== null) state.injected.set(node.name.text, modelName);
}

function visitVariable(declaration: ts.VariableDeclaration, state: MongooseState, context: VisitContext): void {
  if (!ts.isIdentifier(declaration.name) || !declaration.initializer) return;
  const name = declaration.name.text;
  let initializer = skipOuterExpressions(declaration.initializer);
  if (ts.isAwaitExpression(initializer)) initializer = skipOuterExpressions(initializer.expression);
  if (ts.isNewExpression(initializer)) {
    if (getTailName(initializer.expression) === 'Schema') {
      const collection = getStringValue(getObjectProperty(initializer.arguments?.[1], 'collection'));
      if (collection !== null) state.schemaCollections.set(name, collection);
      const fieldRefs = readSchemaFieldRefs(initializer.arguments?.[0]);
      if (fieldRefs) state.schemaFieldRefs.set(name, fieldRefs);
      return;
    }
    const model = getModelRef(initializer.expression, state);
    if (model) state.documents.set(name, model.ref);
    return;
  }
  // `const Click = Event.discriminator('Click', clickSchema)`: a discriminator lives in its base
  // model's collection, wherever that model is declared.
  if (ts.isCallExpression(initializer) && ts.isPropertyAccessExpression(initializer.expression) && initializer.expression.name.text === 'discriminator') {
    const base = skipOuterExpressions(initializer.expression.expression);
    if (ts.isIdentifier(base)) context.facts.aliases.push({ symbol: name, target: { kind: 'symbol', name: base.text } });
    return;
  }
  // `const User = mongoose.model('User')`: a model registered elsewhere, looked up by its name,
  // as Express apps that load every model file at start-up do.
  if (ts.isCallExpression(initializer) && getCalleeName(initializer) === 'model' && initializer.arguments.length === 1) {
    const modelName = getStringValue(initializer.arguments[0]);
    if (modelName !== null) state.lookedUp.set(name, modelName);
    return;
  }
  if (ts.isCallExpression(initializer) && ts.isPropertyAccessExpression(initializer.expression)) {
    const method = getCalleeName(initializer);
    if (method === null || !DOCUMENT_METHODS.has(method)) return;
    const model = getModelRef(initializer.expression.expression, state);
    if (model) state.documents.set(name, model.ref);
  }
}
