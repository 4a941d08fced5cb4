import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { toUnderscore } from '../../../src/extract/data/mikro-orm/to-table-name.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts, getTransactionRows } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const root = getFixturePath('data', 'mikro-orm', 'basic');

describe('the MikroORM adapter', () => {
  it('finds every table a MikroORM project reads and writes, with precision and recall of at least 0.95', async () => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('declares every entity and pivot table, and keeps the STI child in its root table', async () => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(root).tables);
    expect(analysis.tables.find((table) => table.name === 'article_tags')?.declaredIn).toEqual([{ file: 'src/entities/article.entity.ts', line: 31 }]);
    expect(analysis.dataAccesses.filter((a) => a.file === 'src/articles/articles.service.ts' && a.line === 35)).toEqual([
      { file: 'src/articles/articles.service.ts', line: 35, table: 'revisions', access: 'write', via: 'mikro-orm' },
    ]);
  });

  it('names a table like the UnderscoreNamingStrategy when @Entity() gives none', () => {
    expect(['BookTag', 'ArticleComment', 'APIKey', 'HTTPLog', 'OAuth2Token', 'UserProfileV2', 'Tag'].map(toUnderscore)).toEqual([
      'book_tag',
      'article_comment',
      'apikey',
      'httplog',
      'oauth2token',
      'user_profile_v2',
      'tag',
    ]);
  });

  it('resolves an entity imported through the barrel under an alias, and a custom repository to its entity', async () => {
    const analysis = await analyze({ root });
    const rowsOf = (file: string) => analysis.dataAccesses.filter((a) => a.file === file).map((a) => [a.line, a.table, a.access]);
    expect(rowsOf('src/comments/comments.service.ts')).toEqual([
      [14, 'article_comment', 'read'],
      [21, 'article_comment', 'write'],
      [26, 'article_comment', 'write'],
    ]);
    // `this.articles.findPublished()` on an injected ArticleRepository.
    expect(rowsOf('src/articles/articles.service.ts').slice(0, 2)).toEqual([
      [16, 'article', 'read'],
      [20, 'article', 'read'],
    ]);
  });

  it('gives the accesses of em.transactional() and of a fork between begin() and commit() one transaction id each', async () => {
    const facts = await extractDataFacts(root);
    expect(getTransactionRows(facts, 'src/articles/articles.service.ts').filter((row) => row[3] !== null)).toEqual([
      [33, 'article', 'read', 't1'],
      [35, 'revisions', 'write', 't1'],
      [36, 'authors', 'write', 't1'],
    ]);
    expect(getTransactionRows(facts, 'src/auth/api-key.service.ts')).toEqual([
      [14, 'apikey', 'read', 't1'],
      [16, 'apikey', 'write', 't1'],
    ]);
  });

  it('gives the tables of a query builder join, and of populate, one query id', async () => {
    const facts = await extractDataFacts(root);
    const queryIdsOf = (file: string, lines: number[]) =>
      new Set(facts.accesses.filter((a) => a.file === file && lines.includes(a.line)).map((a) => a.queryId));
    expect(facts.accesses.filter((a) => a.file === 'src/stats/stats.service.ts' && a.line <= 18).map((a) => a.table).sort()).toEqual(['article', 'authors']);
    expect(queryIdsOf('src/stats/stats.service.ts', [16, 18]).size).toBe(1);
    expect(queryIdsOf('src/repositories/article.repository.ts', [6]).size).toBe(1);
    expect([...queryIdsOf('src/repositories/article.repository.ts', [6])][0]).toBeDefined();
  });

  it('records no access for an entity that is only used as a type', async () => {
    const analysis = await analyze({ root });
    expect(analysis.dataAccesses.filter((a) => a.file === 'src/articles/articles.controller.ts')).toEqual([]);
    expect(analysis.diagnostics.filter((d) => d.code === 'unresolved-table')).toEqual([]);
  });
});
