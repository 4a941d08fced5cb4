import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { toSnakeCase } from '../../../src/extract/data/typeorm/to-table-name.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts, getTransactionRows } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const root = getFixturePath('data', 'typeorm', 'basic');

describe('the TypeORM adapter', () => {
  it('finds every table a TypeORM project reads and writes, with precision and recall of at least 0.95', async () => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('declares every entity, view and junction table', async () => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(root).tables);
    expect(analysis.tables.find((table) => table.name === 'book_genres')?.declaredIn).toEqual([{ file: 'src/entities/book.entity.ts', line: 24 }]);
  });

  it('resolves entities imported through the barrel, under an alias and re-exported under another name', async () => {
    const facts = await extractDataFacts(root);
    const tablesOf = (file: string) => [...new Set(facts.accesses.filter((a) => a.file === file).map((a) => a.table))].sort();
    // `import { Book as BookEntity } from '@entities'`, and `export { LibraryMember as Member }` in the barrel.
    expect(tablesOf('src/services/catalog.service.ts')).toEqual(['author', 'book_genres', 'books', 'books_tags_tag', 'genres', 'tag']);
    expect(tablesOf('src/repositories/member.repository.ts')).toEqual(['library_member']);
  });

  it('reads entities declared with EntitySchema, as JavaScript projects write them, and finds them by name', async () => {
    const schemas = getFixturePath('data', 'typeorm', 'entity-schema');
    const analysis = await analyze({ root: schemas });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(schemas).tables);
    const score = scoreAccesses(readExpected(schemas).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBe(1);
    expect(score.recall, describeScore(score)).toBe(1);
  });

  it("takes the migrations' table when a custom naming strategy names an entity unlike TypeORM's default", async () => {
    const plural = getFixturePath('data', 'typeorm', 'naming-strategy');
    const analysis = await analyze({ root: plural });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(plural).tables);
    const score = scoreAccesses(readExpected(plural).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBe(1);
    expect(score.recall, describeScore(score)).toBe(1);
    expect(analysis.diagnostics.filter((d) => d.code === 'table-name-from-schema').map((d) => [d.file, d.line])).toEqual([
      ['src/catalog/product-variant.entity.ts', 4],
      ['src/catalog/product.entity.ts', 4],
    ]);
  });

  it('names a table like TypeORM does when @Entity() gives no name', () => {
    expect(
      ['OrderItem', 'User', 'HTTPLog', 'APIKey', 'UserProfileV2', 'OAuth2Token', 'LoanEventV2', 'S3Object', 'already_snake'].map(toSnakeCase),
    ).toEqual(['order_item', 'user', 'http_log', 'api_key', 'user_profile_v2', 'o_auth2_token', 'loan_event_v2', 's3_object', 'already_snake']);
  });

  it('reads and writes junction tables: named by @JoinTable, or <owner>_<property>_<inverse> by default', async () => {
    const facts = await extractDataFacts(root);
    const rows = facts.accesses
      .filter((a) => a.file === 'src/services/catalog.service.ts' && a.table.includes('_'))
      .map((a) => [a.line, a.table, a.access]);
    expect(rows).toEqual([
      [12, 'book_genres', 'read'],
      [18, 'book_genres', 'read'],
      [32, 'books_tags_tag', 'write'],
      [38, 'books_tags_tag', 'read'],
    ]);
  });

  it('stores single-table-inheritance children in their parent table', async () => {
    const analysis = await analyze({ root });
    const rows = analysis.dataAccesses.filter((a) => a.file === 'src/services/notification.service.ts' && a.table !== 'loan');
    expect(rows.map((a) => [a.line, a.table, a.access])).toEqual([
      [9, 'notifications', 'write'],
      [17, 'notifications', 'read'],
      [23, 'notifications', 'write'],
    ]);
  });

  it('follows custom repositories to their entity: a Repository subclass, an extend() object, a new instance', async () => {
    const analysis = await analyze({ root });
    const rows = analysis.dataAccesses.filter((a) => a.file === 'src/services/member.service.ts');
    expect(rows.map((a) => [a.line, a.table, a.access])).toEqual([
      [9, 'library_member', 'read'],
      [17, 'loan', 'read'],
      [21, 'library_member', 'write'],
    ]);
  });

  it('gives the accesses of a transaction callback, and of a query runner transaction, one transaction id each', async () => {
    const facts = await extractDataFacts(root);
    expect(getTransactionRows(facts, 'src/services/lending.service.ts')).toEqual([
      [10, 'books', 'read', 't1'],
      [14, 'books', 'write', 't1'],
      [15, 'loan', 'write', 't1'],
      [21, 'loan_event_v2', 'write', 't1'],
      [27, 'books', 'read', null],
      [27, 'loan', 'read', null],
      [29, 'loan', 'write', null],
      [31, 'books', 'write', null],
      [38, 'loan', 'read', null],
    ]);
    expect(getTransactionRows(facts, 'src/services/token.service.ts')).toEqual([
      [10, 'o_auth2_token', 'write', 't1'],
      [11, 'o_auth2_token', 'write', 't1'],
      [22, 'o_auth2_token', 'read', null],
    ]);
  });

  it('gives the tables of one query builder, joins included, one query id', async () => {
    const facts = await extractDataFacts(root);
    const query = facts.accesses.filter((a) => a.file === 'src/repositories/loan.repository.ts' && a.line <= 9);
    expect(query.map((a) => a.table).sort()).toEqual(['author', 'books', 'loan']);
    expect(new Set(query.map((a) => a.queryId)).size).toBe(1);
    expect(query[0]!.queryId).toBeDefined();
  });

  it('records no access for an entity that is only used as a type', async () => {
    const analysis = await analyze({ root });
    expect(analysis.dataAccesses.filter((a) => a.file.startsWith('src/http/'))).toEqual([]);
    expect(analysis.diagnostics.filter((d) => d.code === 'unresolved-table')).toEqual([]);
  });
});
