import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { readPrismaSchema } from '../../../src/extract/data/prisma/read-prisma-schema.js';
import type { Diagnostic } from '../../../src/types.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts, getTransactionRows } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const root = getFixturePath('data', 'prisma', 'basic');

describe('the Prisma adapter', () => {
  it('finds the tables a Prisma project reads and writes, through includes, nested writes and raw SQL', async () => {
    const analysis = await analyze({ root });
    const expected = readExpected(root);
    const score = scoreAccesses(expected.accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it('declares every model, view and implicit join table of the schema as a table', async () => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(root).tables);
    expect(analysis.tables.find((table) => table.name === 'users')?.declaredIn).toEqual([{ file: 'prisma/schema.prisma', line: 17 }]);
  });

  it('gives the accesses of one transaction one transaction id, interactive or batched', async () => {
    const facts = await extractDataFacts(root);
    expect(getTransactionRows(facts, 'src/billing/invoice.service.ts')).toEqual([
      [8, 'users', 'read', 't1'],
      [9, 'invoices', 'write', 't1'],
      [9, 'invoice_lines', 'write', 't1'],
      [16, 'audit_logs', 'write', 't1'],
      [22, 'invoices', 'write', null],
    ]);
    expect(getTransactionRows(facts, 'src/posts/publish-post.ts')).toEqual([
      [6, 'posts', 'write', 't1'],
      [7, 'audit_logs', 'write', 't1'],
    ]);
  });
});

describe('reading a Prisma schema', () => {
  const read = (files: Record<string, string>) => {
    const diagnostics: Diagnostic[] = [];
    return { schema: readPrismaSchema(files, diagnostics), diagnostics };
  };

  it('names a table after @@map, else after the model as written, and the client property with a lower-case first letter', () => {
    const { schema } = read({
      'schema.prisma': 'model UserProfile {\n  id Int @id\n  @@map("user_profiles")\n}\n\nmodel AuditLog {\n  id Int @id\n}\n',
    });
    expect(schema.models.map(({ name, clientName, table, line }) => ({ name, clientName, table, line }))).toEqual([
      { name: 'UserProfile', clientName: 'userProfile', table: 'user_profiles', line: 1 },
      { name: 'AuditLog', clientName: 'auditLog', table: 'AuditLog', line: 6 },
    ]);
  });

  it('names implicit many-to-many join tables _AToB in alphabetical order, or _Name after @relation("Name")', () => {
    const { schema } = read({
      'schema/post.prisma': 'model Post {\n  id Int @id\n  tags Tag[]\n  labels Label[] @relation("PostLabels")\n}\n',
      'schema/tag.prisma': 'model Tag {\n  id Int @id\n  posts Post[]\n}\n\nmodel Label {\n  id Int @id\n  posts Post[] @relation(name: "PostLabels")\n}\n',
    });
    expect(schema.junctions).toEqual([
      { table: '_PostToTag', file: 'schema/post.prisma', line: 1 },
      { table: '_PostLabels', file: 'schema/post.prisma', line: 1 },
    ]);
    expect(schema.models.find((model) => model.name === 'Post')?.relations).toEqual({
      tags: { model: 'Tag', list: true, junction: '_PostToTag' },
      labels: { model: 'Label', list: true, junction: '_PostLabels' },
    });
  });

  it('does not take a one-to-many relation for a join table', () => {
    const { schema } = read({
      'schema.prisma': 'model User {\n  id Int @id\n  posts Post[]\n}\n\nmodel Post {\n  id Int @id\n  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n',
    });
    expect(schema.junctions).toEqual([]);
  });

  it('reports a schema file that does not parse and reads the others', () => {
    const { schema, diagnostics } = read({
      'a.prisma': 'model A {\n  id Int @id\n}\n',
      'b.prisma': 'model B {{{\n',
    });
    expect(schema.models.map((model) => model.name)).toEqual(['A']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'prisma-schema-error', severity: 'warning', file: 'b.prisma' })]);
  });
});
