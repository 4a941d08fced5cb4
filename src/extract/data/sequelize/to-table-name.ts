import inflection from 'inflection';
import ts from '../../../util/typescript.cjs';
import type { SequelizeNaming } from '../../file-facts.js';
import { getObjectProperty, getStringValue } from '../../syntax.js';

/**
 * Sequelize v6 `Model.init` (lib/model.js), after merging the project's `define` options under
 * the model's own:
 *
 *   tableName = options.tableName
 *            ?? (options.freezeTableName ? modelName : underscoredIf(pluralize(modelName), options.underscored))
 *
 * where pluralize and underscore are those of the `inflection` package (lib/utils.js), the
 * version Sequelize 6 depends on: User → Users, Person → People, OrderItem → OrderItems, and
 * with `underscored: true` order_items. `sequelize.define` and sequelize-typescript's `@Table`
 * go through the same code with the model name (the class name unless `modelName` says otherwise).
 */
export function toSequelizeTableName(modelName: string, naming: SequelizeNaming): string {
  if (naming.freezeTableName) return modelName;
  const plural = inflection.pluralize(modelName);
  return naming.underscored ? inflection.underscore(plural) : plural;
}

/** The table name a model's options give, if any. */
export function getGivenTableName(options: ts.Expression | undefined): string | null {
  return getStringValue(getObjectProperty(options, 'tableName'));
}

/** The naming options an options object sets: `true` or `false` literally; anything else is not set. */
export function readSequelizeNaming(options: ts.Expression | undefined): SequelizeNaming {
  const naming: SequelizeNaming = {};
  const freezeTableName = toBoolean(getObjectProperty(options, 'freezeTableName'));
  const underscored = toBoolean(getObjectProperty(options, 'underscored'));
  if (freezeTableName !== undefined) naming.freezeTableName = freezeTableName;
  if (underscored !== undefined) naming.underscored = underscored;
  return naming;
}

function toBoolean(expression: ts.Expression | undefined): boolean | undefined {
  if (expression?.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expression?.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}
