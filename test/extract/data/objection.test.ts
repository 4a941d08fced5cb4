import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { DEFAULT_OPTIONS } from '../../../src/config/defaults.js';
import { objection } from '../../../src/extract/data/objection/index.js';
import { parseRelationExpression } from '../../../src/extract/data/objection/parse-relation-expression.js';
import { loadWorkspace } from '../../../src/load/index.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts, getTransactionRows } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const basic = getFixturePath('data', 'objection', 'basic');

describe('the Objection.js adapter', () => {
  it('is enabled by the objection dependency only', () => {
    expect(objection.detect(loadWorkspace(basic, DEFAULT_OPTIONS))).toBe(true);
    expect(objection.detect(loadWorkspace(getFixturePath('data', 'sequelize', 'basic'), DEFAULT_OPTIONS))).toBeNull();
  });

  it('finds every table an Express + Knex + Objection project reads and writes, with precision and recall of at least 0.95', async () => {
    const analysis = await analyze({ root: basic });
    const score = scoreAccesses(readExpected(basic).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('declares the table of every model with a literal tableName and every junction table that join.through names', async () => {
    const analysis = await analyze({ root: basic });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(basic).tables);
    expect(analysis.tables.find((table) => table.name === 'recipe_ingredients')?.declaredIn).toEqual([
      { file: 'src/models/ingredient.ts', line: 11 },
      { file: 'src/models/recipe.ts', line: 26 },
    ]);
  });

  it('declares nothing for a model whose tableName is computed, and says it cannot tell the table its query writes', async () => {
    const analysis = await analyze({ root: basic });
    expect(analysis.tables.filter((table) => table.declaredIn.some((location) => location.file === 'src/models/audit-event.ts'))).toEqual([]);
    expect(analysis.dataAccesses.filter((access) => access.file === 'src/services/audit.service.ts')).toEqual([]);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'unresolved-table')).toEqual([
      {
        code: 'unresolved-table',
        severity: 'info',
        file: 'src/services/audit.service.ts',
        line: 4,
        message: "objection: cannot tell which table 'AuditEvent' writes",
      },
    ]);
  });

  it('reads a relation expression as the relation paths it loads: lists, nesting, modifiers, aliases, recursion', () => {
    expect(parseRelationExpression('pets')).toEqual(['pets']);
    expect(parseRelationExpression('[pets, children]')).toEqual(['pets', 'children']);
    expect(parseRelationExpression('[pets, children.[pets, movies]]')).toEqual(['pets', 'children', 'children.pets', 'children.movies']);
    expect(parseRelationExpression('pets.[toys, owner.movies]')).toEqual(['pets', 'pets.toys', 'pets.owner', 'pets.owner.movies']);
    expect(parseRelationExpression('[author, ingredients(selectName, orderByName), tags]')).toEqual(['author', 'ingredients', 'tags']);
    expect(parseRelationExpression('pets as dogs.[toys]')).toEqual(['pets', 'pets.toys']);
    expect(parseRelationExpression('[\n  children.^,\n  parent.^3\n]')).toEqual(['children', 'parent']);
    expect(parseRelationExpression('*')).toEqual([]);
    expect(parseRelationExpression('[pets, children')).toEqual([]);
  });

  it('reads and writes the junction table of a many-to-many relation through relatedQuery, relate and unrelate', async () => {
    const facts = await extractDataFacts(basic);
    const rowsOf = (file: string) => facts.accesses.filter((a) => a.file === file).map((a) => [a.line, a.table, a.access]);
    expect(rowsOf('src/services/user.service.ts')).toEqual([
      [14, 'users', 'read'],
      [15, 'users', 'write'],
      [20, 'users', 'read'],
      [22, 'user_favourites', 'write'],
      [26, 'recipes', 'read'],
      [26, 'user_favourites', 'read'],
      [30, 'recipes', 'read'],
    ]);
    const favourites = facts.accesses.filter((a) => a.file === 'src/services/user.service.ts' && a.line === 26);
    expect(favourites[0]!.queryId).toBeDefined();
    expect(favourites[1]!.queryId).toBe(favourites[0]!.queryId);
  });

  it('queries the model itself through this.query() in a static method, this.$query() and this.constructor in an instance method', async () => {
    const analysis = await analyze({ root: basic });
    const rowsOf = (file: string) => analysis.dataAccesses.filter((a) => a.file === file).map((a) => [a.line, a.table, a.access]);
    expect(rowsOf('src/models/user.ts')).toEqual([
      [32, 'users', 'read'],
      [36, 'users', 'write'],
    ]);
    expect(rowsOf('src/models/comment.ts')).toEqual([[29, 'comments', 'read']]);
    expect(rowsOf('src/models/base-model.ts')).toEqual([]);
    expect(rowsOf('src/models/tag.js')).toEqual([[26, 'tags', 'read']]);
  });

  it('gives the accesses of a managed, a knex and an unmanaged transaction one transaction id each', async () => {
    const facts = await extractDataFacts(basic);
    expect(getTransactionRows(facts, 'src/services/recipe.service.ts')).toEqual([
      [16, 'recipes', 'read', 't1'],
      [17, 'comments', 'write', 't1'],
      [18, 'recipe_tags', 'write', 't1'],
      [19, 'recipes', 'write', 't1'],
    ]);
    expect(getTransactionRows(facts, 'src/services/comment.service.ts').slice(3)).toEqual([
      [15, 'comments', 'write', 't1'],
      [15, 'comments', 'read', 't1'],
      [16, 'recipes', 'write', 't1'],
    ]);
    expect(getTransactionRows(facts, 'src/services/ingredient.service.ts')).toEqual([
      [8, 'ingredients', 'read', 't1'],
      [9, 'recipes', 'read', 't1'],
      [9, 'recipe_ingredients', 'read', 't1'],
      [10, 'ingredients', 'read', 't1'],
      [12, 'recipe_ingredients', 'write', 't1'],
      [14, 'ingredients', 'write', 't1'],
      [23, 'recipe_ingredients', 'read', null],
      [27, 'ingredients', 'read', null],
    ]);
  });

  it('gives a query and the relations it joins one query id, and the relations fetched in queries of their own none', async () => {
    const facts = await extractDataFacts(basic);
    const at = (file: string, line: number) => facts.accesses.filter((a) => a.file === file && a.line === line);
    const joinRelated = at('src/services/comment.service.ts', 9);
    expect(joinRelated.map((a) => a.table)).toEqual(['comments', 'recipes']);
    expect(new Set(joinRelated.map((a) => a.queryId)).size).toBe(1);
    const withGraphJoined = at('src/repositories/recipe.repository.ts', 20);
    expect(withGraphJoined.map((a) => a.table)).toEqual(['comments', 'users', 'recipes']);
    expect(new Set(withGraphJoined.map((a) => a.queryId)).size).toBe(1);
    expect(withGraphJoined[0]!.queryId).toBeDefined();
    const withGraphFetched = at('src/repositories/recipe.repository.ts', 14);
    expect(withGraphFetched.map((a) => [a.table, a.queryId])).toEqual([
      ['users', undefined],
      ['ingredients', undefined],
      ['recipe_ingredients', undefined],
      ['tags', undefined],
      ['recipe_tags', undefined],
    ]);
  });

  it('follows models through a path-aliased barrel, a renamed import, a default export and a CommonJS require', async () => {
    const analysis = await analyze({ root: basic });
    const rowsOf = (file: string) => analysis.dataAccesses.filter((a) => a.file === file).map((a) => [a.line, a.table, a.access]);
    expect(rowsOf('src/services/comment.service.ts').slice(0, 3)).toEqual([
      [5, 'comments', 'write'],
      [9, 'comments', 'read'],
      [9, 'recipes', 'read'],
    ]);
    expect(rowsOf('src/jobs/tag-cleanup.js')).toEqual([
      [7, 'recipe_tags', 'read'],
      [7, 'recipes', 'read'],
      [7, 'tags', 'read'],
      [10, 'tags', 'write'],
    ]);
  });

  it('reads through a query kept in a variable once, where the query is made', async () => {
    const analysis = await analyze({ root: basic });
    expect(analysis.dataAccesses.filter((a) => a.file === 'src/services/ingredient.service.ts' && a.line >= 26)).toEqual([
      { file: 'src/services/ingredient.service.ts', line: 27, table: 'ingredients', access: 'read', via: 'objection' },
    ]);
  });

  it('records no access for a model that is only used as a type', async () => {
    const analysis = await analyze({ root: basic });
    expect(analysis.dataAccesses.filter((a) => a.file === 'src/http/dto.ts')).toEqual([]);
  });
});
