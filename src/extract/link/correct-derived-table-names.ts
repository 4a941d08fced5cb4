import inflection from 'inflection';
import type { Diagnostic } from '../../types.js';
import type { DeclaredModel } from '../data/adapter.js';
import { isSchemaCreation } from '../data/record-schema-change.js';
import { replayFileSchemaChanges } from '../data/replay-schema-changes.js';
import { toSequelizeTableName } from '../data/sequelize/to-table-name.js';
import { toSnakeCase } from '../data/typeorm/to-table-name.js';
import type { EntityDeclaration, FileFacts, SequelizeNaming } from '../file-facts.js';
import { withoutDefaultSchema } from './without-default-schema.js';

/**
 * A model the code names no table for gets the table its ORM's naming rule gives (`User` →
 * `Users` in Sequelize, `user` in TypeORM). Two things the walk of one file cannot see can change
 * that name, and are applied here, once every file is known:
 *
 * 1. Sequelize's project-wide options, `new Sequelize(…, { define: { underscored, freezeTableName } })`,
 *    under every model that does not set its own (Model.init merges them the same way). Set
 *    where seams does not read them, in a JSON config, they are inferred from the schema.
 * 2. The schema the migrations and SQL scripts build. The application runs against it, so when it
 *    has no table of the derived name but exactly one spelling of the model's name (plural or
 *    singular, snake_case, any case), the options that produce that spelling are somewhere seams
 *    does not read: a JSON config, a custom naming strategy. The schema's name is taken, and a
 *    diagnostic says so.
 */
export function correctDerivedTableNames(
  files: FileFacts[],
  declaredModels: DeclaredModel[],
): { files: FileFacts[]; diagnostics: Diagnostic[] } {
  const schemaTables = findSchemaTables(files, declaredModels);
  const written = files.flatMap((facts) => (facts.sequelizeDefines ?? []).map((entry) => entry.naming));
  const inferred = written.length > 0 ? null : inferSequelizeDefines(files, schemaTables);
  const defines = inferred?.naming ?? mergeAgreeingDefines(written);
  const claimed = new Set(
    files.flatMap((facts) => facts.entities.filter((entity) => !entity.derivedFrom && !isSchemaCreation(entity)).map((entity) => withoutDefaultSchema(entity.table))),
  );
  const spellInSchema = schemaTables.size > 0 ? createSchemaSpeller(schemaTables, claimed) : () => null;
  const diagnostics: Diagnostic[] = [];
  if (inferred) {
    const options = Object.entries(inferred.naming).map(([key, value]) => `${key}: ${value}`).join(', ');
    diagnostics.push({
      code: 'naming-from-schema',
      severity: 'info',
      message: `sequelize: no define options in the code; the schema has the tables of ${inferred.explained} of ${inferred.models} models as if define were { ${options} }, so all models are named so`,
    });
  }
  const corrected = files.map((facts) => {
    if (!facts.entities.some((entity) => entity.derivedFrom)) return facts;
    const entities = facts.entities.map((entity): EntityDeclaration => {
      const derived = entity.derivedFrom;
      if (!derived) return entity;
      const byRule = derived.sequelize ? toSequelizeTableName(derived.name, { ...defines, ...derived.sequelize }) : entity.table;
      const fromSchema = schemaTables.has(byRule) ? null : spellInSchema(derived.name, byRule);
      if (fromSchema) {
        diagnostics.push({
          code: 'table-name-from-schema',
          severity: 'info',
          file: facts.path,
          line: entity.line,
          message: `${entity.via}: ${derived.name} is taken to be table ${fromSchema}, the schema's spelling of its name (the naming rule gives ${byRule}, which the schema lacks)`,
        });
      }
      const table = fromSchema ?? byRule;
      return table === entity.table ? entity : { ...entity, table };
    });
    return { ...facts, entities };
  });
  return { files: corrected, diagnostics };
}

/** The options all `define`s agree on; an option two of them set differently is left to each model's default. */
function mergeAgreeingDefines(defines: SequelizeNaming[]): SequelizeNaming {
  const merged: SequelizeNaming = {};
  for (const key of ['freezeTableName', 'underscored'] as const) {
    const values = new Set(defines.map((naming) => naming[key]).filter((value) => value !== undefined));
    if (values.size === 1) merged[key] = [...values][0];
  }
  return merged;
}

const NAMING_CHOICES: SequelizeNaming[] = [
  { freezeTableName: false, underscored: false },
  { freezeTableName: false, underscored: true },
  { freezeTableName: true, underscored: false },
];

/**
 * The `define` a project sets where seams does not read it (sequelize-cli's `config.json`),
 * told by the schema: the naming choice under which most models' tables exist, when it explains
 * at least two models and more than Sequelize's defaults do. It then names the models the
 * migrations do not create too (tables made by `sync()`).
 */
function inferSequelizeDefines(files: FileFacts[], schemaTables: Set<string>): { naming: SequelizeNaming; explained: number; models: number } | null {
  const models = files.flatMap((facts) => facts.entities.flatMap((entity) => (entity.derivedFrom?.sequelize ? [entity.derivedFrom] : [])));
  if (models.length === 0 || schemaTables.size === 0) return null;
  const explained = (naming: SequelizeNaming) =>
    models.filter((model) => schemaTables.has(toSequelizeTableName(model.name, { ...naming, ...model.sequelize }))).length;
  const [defaults, ...others] = NAMING_CHOICES.map((naming) => ({ naming, count: explained(naming) }));
  const best = others.reduce((top, choice) => (choice.count > top.count ? choice : top), defaults!);
  return best !== defaults && best.count >= 2 ? { naming: best.naming, explained: best.count, models: models.length } : null;
}

/** Tables the schema history leaves standing, and tables of SQL schema files. */
function findSchemaTables(files: FileFacts[], declaredModels: DeclaredModel[]): Set<string> {
  const standing = [...replayFileSchemaChanges(files).values()].filter((change) => change.created).map((change) => change.table);
  const scripted = declaredModels.filter((model) => model.orm === 'sql').map((model) => model.table);
  return new Set([...standing, ...scripted].map(withoutDefaultSchema));
}

/**
 * Finds the one schema table that spells a model's name another way: exactly first, then
 * ignoring case and underscores (MySQL with lower_case_table_names folds `OrderItems` to
 * `orderitems`). A table another model names explicitly is no candidate; two candidates are no answer.
 */
function createSchemaSpeller(schemaTables: Set<string>, claimed: Set<string>): (name: string, byRule: string) => string | null {
  const available = new Set([...schemaTables].filter((table) => !claimed.has(table)));
  const byFolded = new Map<string, string[]>();
  for (const table of available) {
    const key = toFolded(table);
    byFolded.set(key, [...(byFolded.get(key) ?? []), table]);
  }
  return (name, byRule) => {
    const spellings = new Set<string>([byRule]);
    for (const base of [name, toSnakeCase(name)]) {
      spellings.add(base);
      spellings.add(inflection.pluralize(base));
      spellings.add(inflection.singularize(base));
    }
    const exact = [...spellings].filter((spelling) => available.has(spelling));
    if (exact.length > 0) return exact.length === 1 ? exact[0]! : null;
    const loose = new Set([...spellings].flatMap((spelling) => byFolded.get(toFolded(spelling)) ?? []));
    return loose.size === 1 ? [...loose][0]! : null;
  };
}

function toFolded(table: string): string {
  return table.toLowerCase().replace(/_/g, '');
}
