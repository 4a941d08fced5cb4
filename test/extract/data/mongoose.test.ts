import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { toCollectionName } from '../../../src/extract/data/mongoose/to-collection-name.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts, getTransactionRows } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';
import { visitSource } from './visit-source.js';
import { mongoose } from '../../../src/extract/data/mongoose/index.js';

const root = getFixturePath('data', 'mongoose', 'basic');

describe('the Mongoose adapter', () => {
  it('finds the collections Mongoose models and NestJS injected models read and write', async () => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('follows models exported as a whole module, as an exports property or as a default export, and discriminators, to their collections', async () => {
    const analysis = await analyze({ root: getFixturePath('data', 'mongoose', 'commonjs-exports') });
    expect(analysis.dataAccesses.map(({ file, line, table, access }) => `${file}:${line} ${access} ${table}`)).toEqual([
      'src/services/badges.js:5 read badges',
      'src/services/badges.js:6 write badge_awards',
      'src/services/badges.js:9 read badges',
      'src/services/checkins.mjs:5 read users',
      'src/services/checkins.mjs:6 write checkins',
      'src/services/trails.js:5 read trails',
      'src/services/trails.js:5 read users',
      'src/services/trails.js:9 read users',
      'src/services/trails.js:10 write trails',
    ]);
  });

  it("follows a model looked up by name (const Person = mongoose.model('Person')) to its collection", async () => {
    const analysis = await analyze({ root });
    const report = analysis.dataAccesses.filter((access) => access.file === 'src/reports/people-report.js');
    expect(report.map(({ line, table, access }) => ({ line, table, access }))).toEqual([
      { line: 9, table: 'people', access: 'read' },
      { line: 10, table: 'audit_log', access: 'write' },
    ]);
  });

  it("reads what populate() fills in, through the schema's ref or @Prop's", async () => {
    const analysis = await analyze({ root });
    const populated = analysis.dataAccesses.filter((access) => /product-page|favourites-report/.test(access.file));
    expect(populated.map(({ file, line, table, access }) => ({ file, line, table, access }))).toEqual([
      { file: 'src/catalog/product-page.service.ts', line: 5, table: 'product_categories', access: 'read' },
      { file: 'src/catalog/product-page.service.ts', line: 5, table: 'products', access: 'read' },
      { file: 'src/reports/favourites-report.ts', line: 7, table: 'cat_owners', access: 'read' },
      { file: 'src/reports/favourites-report.ts', line: 7, table: 'cats', access: 'read' },
    ]);
    // One query each: the populated read is a join the application makes.
    const facts = await extractDataFacts(root);
    const queries = facts.accesses.filter((access) => /product-page|favourites-report/.test(access.file)).map((access) => access.queryId);
    expect(new Set(queries).size).toBe(2);
    expect(queries.every((queryId) => queryId !== undefined)).toBe(true);
  });

  it('reads the fields that refer to other models in every way a schema writes them, and every form of populate()', () => {
    const facts = visitSource(
      mongoose.createVisitor(true),
      `import { Schema, model, Types } from 'mongoose';
const postSchema = new Schema({
  author: { type: Schema.Types.ObjectId, ref: 'User' },
  tags: [{ type: Types.ObjectId, ref: 'Tag' }],
  editors: { type: [{ type: Types.ObjectId, ref: 'User' }] },
  title: String,
});
export const Post = model('Post', postSchema);
export const Draft = model('Draft', new Schema({ post: { type: Types.ObjectId, ref: 'Post' } }));
export const feed = () => Post.find().populate('author tags').populate(['editors', { path: 'author.company' }]);
export const withPosts = (drafts: unknown[]) => Draft.populate(drafts, { path: 'post' });
`,
    );
    expect(facts.entities.map(({ modelName, fieldRefs }) => ({ modelName, fieldRefs }))).toEqual([
      { modelName: 'Post', fieldRefs: { author: 'User', tags: 'Tag', editors: 'User' } },
      { modelName: 'Draft', fieldRefs: { post: 'Post' } },
    ]);
    const fields = facts.accesses.map((access) => (access.ref.kind === 'field' ? access.ref.field : access.ref.kind));
    // Post.find()'s own read, then its populated fields (`author.company` populates author, once), then Draft.populate's.
    expect(fields).toEqual(['symbol', 'author', 'tags', 'editors', 'post']);
  });

  it('names collections as Mongoose does: third argument, schema option, @Schema option, else the pluralised model name', async () => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map(({ name, kind, declaredIn }) => ({ name, kind, declaredIn }))).toEqual([
      { name: 'audit_log', kind: 'collection', declaredIn: [{ file: 'src/models/audit-entry.model.ts', line: 6 }] },
      { name: 'cat_owners', kind: 'collection', declaredIn: [{ file: 'src/cats/schemas/owner.schema.ts', line: 5 }] },
      { name: 'cats', kind: 'collection', declaredIn: [{ file: 'src/cats/schemas/cat.schema.ts', line: 4 }] },
      { name: 'people', kind: 'collection', declaredIn: [{ file: 'src/models/person.model.ts', line: 10 }] },
      { name: 'product_categories', kind: 'collection', declaredIn: [{ file: 'src/models/category.model.ts', line: 13 }] },
      { name: 'products', kind: 'collection', declaredIn: [{ file: 'src/models/product.model.ts', line: 10 }] },
      { name: 'users', kind: 'collection', declaredIn: [{ file: 'src/models/user.model.ts', line: 20 }] },
    ]);
  });

  it('puts the writes of session.withTransaction(…) in one transaction', async () => {
    const facts = await extractDataFacts(root);
    expect(getTransactionRows(facts, 'src/people/person.service.ts')).toEqual([
      [9, 'people', 'write', 't1'],
      [10, 'people', 'write', 't1'],
      [11, 'audit_log', 'write', 't1'],
      [19, 'people', 'read', null],
    ]);
  });
});

describe("Mongoose's default collection name", () => {
  it.each([
    ['User', 'users'],
    ['Person', 'people'],
    ['Category', 'categories'],
    ['Mouse', 'mice'],
    ['Child', 'children'],
    ['Address', 'addresses'],
    ['Box', 'boxes'],
    ['Status', 'status'],
    ['Sheep', 'sheep'],
    ['Analysis', 'analyses'],
    ['Wife', 'wives'],
    ['OrderItem', 'orderitems'],
    ['Order2', 'order2'],
    ['system.profile', 'system.profile'],
  ])('of model %s is %s', (modelName, collection) => {
    expect(toCollectionName(modelName)).toBe(collection);
  });
});
