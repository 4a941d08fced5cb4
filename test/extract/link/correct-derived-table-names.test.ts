import { describe, expect, it } from 'vitest';
import type { EntityDeclaration, FileFacts, SequelizeNaming } from '../../../src/extract/file-facts.js';
import { createFileFacts } from '../../../src/extract/file-facts.js';
import { correctDerivedTableNames } from '../../../src/extract/link/correct-derived-table-names.js';

/** A Sequelize model that names no table, as declare-models.ts records it. */
function sequelizeModel(name: string, table: string, naming: SequelizeNaming = {}): EntityDeclaration {
  return { symbol: name, table, kind: 'table', via: 'sequelize', line: 1, modelName: name, derivedFrom: { name, sequelize: naming } };
}

function typeormEntity(name: string, table: string, given = false): EntityDeclaration {
  return { symbol: name, table, kind: 'table', via: 'typeorm', line: 1, modelName: name, ...(given ? {} : { derivedFrom: { name } }) };
}

function modelsFile(...entities: EntityDeclaration[]): FileFacts {
  return { ...createFileFacts('src/models.ts'), entities };
}

/** A migration that creates `tables` and then drops `dropped`, in that order. */
function migration(path: string, tables: string[], dropped: string[] = []): FileFacts {
  const facts = createFileFacts(path);
  tables.forEach((table, index) => {
    facts.entities.push({ symbol: `migration:${table}`, table, kind: 'table', via: 'migration', line: index + 1 });
    facts.schemaChanges.push({ table, via: 'migration', created: true, line: index + 1 });
  });
  dropped.forEach((table, index) => {
    facts.schemaChanges.push({ table, via: 'migration', created: false, line: tables.length + index + 1 });
  });
  return facts;
}

function defining(path: string, naming: SequelizeNaming): FileFacts {
  return { ...createFileFacts(path), sequelizeDefines: [{ naming, line: 3 }] };
}

function tablesOf(files: FileFacts[]): string[] {
  return correctDerivedTableNames(files, []).files.flatMap((facts) => facts.entities.filter((e) => e.derivedFrom).map((e) => e.table));
}

describe('correcting table names that follow an ORM naming rule', () => {
  it("applies the options every new Sequelize(…, { define }) agrees on, under each model's own", () => {
    const models = modelsFile(sequelizeModel('OrderItem', 'OrderItems'), sequelizeModel('AuditLog', 'AuditLogs', { underscored: false }));
    expect(tablesOf([defining('src/db.ts', { underscored: true }), models])).toEqual(['order_items', 'AuditLogs']);
    // Two instances that disagree on underscored leave it to each model; they agree on freezing.
    const disagreeing = [defining('src/db.ts', { underscored: true, freezeTableName: true }), defining('src/reports-db.ts', { underscored: false, freezeTableName: true })];
    expect(tablesOf([...disagreeing, models])).toEqual(['OrderItem', 'AuditLog']);
  });

  it("infers the define options from the migrations' tables when the code sets none, and says so", () => {
    const files = [
      migration('migrations/001-init.js', ['volunteers', 'shift_signups']),
      modelsFile(sequelizeModel('Volunteer', 'Volunteers'), sequelizeModel('ShiftSignup', 'ShiftSignups'), sequelizeModel('Donation', 'Donations')),
    ];
    const corrected = correctDerivedTableNames(files, []);
    expect(corrected.files[1]!.entities.map((entity) => entity.table)).toEqual(['volunteers', 'shift_signups', 'donations']);
    expect(corrected.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['naming-from-schema']);
    // One model explained is no evidence of a project-wide option: only that model is corrected.
    const single = correctDerivedTableNames([migration('migrations/001-init.js', ['volunteers']), files[1]!], []);
    expect(single.files[1]!.entities.map((entity) => entity.table)).toEqual(['volunteers', 'ShiftSignups', 'Donations']);
    expect(single.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['table-name-from-schema']);
  });

  it("takes the schema's one other spelling of the name: plural, snake_case, or folded by a case-insensitive database", () => {
    const files = (tables: string[]) => [migration('migrations/001.ts', tables), modelsFile(typeormEntity('OrderItem', 'order_item'))];
    expect(tablesOf(files(['order_items']))).toEqual(['order_items']);
    expect(tablesOf(files(['OrderItems']))).toEqual(['OrderItems']);
    expect(tablesOf(files(['orderitems']))).toEqual(['orderitems']);
    expect(tablesOf(files(['order_item', 'order_items']))).toEqual(['order_item']);
  });

  it('keeps the derived name when the schema offers two spellings, another model claims the one, or a later migration dropped it', () => {
    const entity = typeormEntity('Invoice', 'invoice');
    expect(tablesOf([migration('m/001.ts', ['invoices', 'Invoices']), modelsFile(entity)])).toEqual(['invoice']);
    expect(tablesOf([migration('m/001.ts', ['invoices']), modelsFile(entity, typeormEntity('LegacyInvoice', 'invoices', true))])).toEqual(['invoice']);
    expect(tablesOf([migration('m/001.ts', ['invoices'], ['invoices']), modelsFile(entity)])).toEqual(['invoice']);
    expect(tablesOf([modelsFile(entity)])).toEqual(['invoice']);
  });

  it('reads the tables of SQL schema files as the schema too', () => {
    const schemaFile = { orm: 'sql', modelName: 'public.invoices', table: 'public.invoices', kind: 'table' as const, file: 'db/schema.sql', line: 4 };
    const corrected = correctDerivedTableNames([modelsFile(typeormEntity('Invoice', 'invoice'))], [schemaFile]);
    expect(corrected.files[0]!.entities[0]!.table).toBe('invoices');
  });
});
