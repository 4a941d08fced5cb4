import inflection from 'inflection';
import ts from '../../../util/typescript.cjs';
import { getObjectProperty, getStringValue } from '../../syntax.js';

/**
 * Sequelize v6 `Model.init` (lib/model.js):
 *
 *   tableName = options.tableName
 *            ?? (options.freezeTableName ? modelName : underscoredIf(pluralize(modelName), options.underscored))
 *
 * where pluralize and underscore are those of the `inflection` package (lib/utils.js), the
 * version Sequelize 6 depends on: User → Users, Person → People, OrderItem → OrderItems, and
 * with `underscored: true` order_items. `sequelize.define` and sequelize-typescript's `@Table`
 * go through the same code with the model name (the class name unless `modelName` says otherwise).
 */
export function toTableName(modelName: string, options: ts.Expression | undefined): string {
  const given = getStringValue(getObjectProperty(options, 'tableName'));
  if (given !== null) return given;
  if (isTrue(getObjectProperty(options, 'freezeTableName'))) return modelName;
  const plural = inflection.pluralize(modelName);
  return isTrue(getObjectProperty(options, 'underscored')) ? inflection.underscore(plural) : plural;
}

function isTrue(expression: ts.Expression | undefined): boolean {
  return expression?.kind === ts.SyntaxKind.TrueKeyword;
}
