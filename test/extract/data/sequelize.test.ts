import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analyze.js';
import { getGivenTableName, readSequelizeNaming, toSequelizeTableName } from '../../../src/extract/data/sequelize/to-table-name.js';
import { getFixturePath } from '../../helpers/fixture-path.js';
import { readExpected } from '../../helpers/read-expected.js';
import { extractDataFacts, getTransactionRows } from './extract-data-facts.js';
import { describeScore, type ExpectedAccess, scoreAccesses } from './score-accesses.js';

const basic = getFixturePath('data', 'sequelize', 'basic');
const typescript = getFixturePath('data', 'sequelize', 'typescript');
const projectDefine = getFixturePath('data', 'sequelize', 'project-define');
const cliConfig = getFixturePath('data', 'sequelize', 'cli-config');

/** The options object literal of `define(…, { … })`, parsed as the adapter sees it. */
function parseOptions(text: string): ts.Expression {
  const file = ts.createSourceFile('options.ts', `(${text})`, ts.ScriptTarget.Latest, true);
  const statement = file.statements[0] as ts.ExpressionStatement;
  return (statement.expression as ts.ParenthesizedExpression).expression;
}

describe('the Sequelize adapter', () => {
  it.each([
    ['Model.init and sequelize.define', basic],
    ['sequelize-typescript', typescript],
    ['project-wide define options', projectDefine],
    ['sequelize-cli', cliConfig],
  ])('finds every table a %s project reads and writes, with precision and recall of at least 0.95', async (_name, root) => {
    const analysis = await analyze({ root });
    const score = scoreAccesses(readExpected(root).accesses as ExpectedAccess[], analysis.dataAccesses);
    expect(score.precision, describeScore(score)).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, describeScore(score)).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['Model.init and sequelize.define', basic],
    ['sequelize-typescript', typescript],
    ['project-wide define options', projectDefine],
    ['sequelize-cli', cliConfig],
  ])('declares every model and through table of a %s project', async (_name, root) => {
    const analysis = await analyze({ root });
    expect(analysis.tables.map((table) => table.name)).toEqual(readExpected(root).tables);
  });

  it('names a table like Sequelize 6: tableName, else the model name as is when frozen, else pluralised and maybe underscored', () => {
    const name = (model: string, options = '{}') => {
      const parsed = parseOptions(options);
      return getGivenTableName(parsed) ?? toSequelizeTableName(model, readSequelizeNaming(parsed));
    };
    expect([
      name('User'),
      name('Person'),
      name('Category'),
      name('Status'),
      name('OrderItem'),
      name('OrderItem', '{ underscored: true }'),
      name('OrderItem', '{ freezeTableName: true, underscored: true }'),
      name('OrderItem', "{ tableName: 'order_lines', freezeTableName: true }"),
      name('user'),
    ]).toEqual(['Users', 'People', 'Categories', 'Statuses', 'OrderItems', 'order_items', 'OrderItem', 'order_lines', 'users']);
  });

  it('resolves models imported under an alias, re-exported from a default export, and looked up by name in a registry or on the instance', async () => {
    const facts = await extractDataFacts(basic);
    const rowsOf = (file: string) => facts.accesses.filter((a) => a.file === file).map((a) => [a.line, a.table, a.access]);
    expect(rowsOf('src/services/appointment.service.ts').filter((row) => row[1] === 'Doctors')).toEqual([
      [6, 'Doctors', 'read'],
      [20, 'Doctors', 'write'],
    ]);
    expect(rowsOf('src/legacy/specialty-report.js')).toEqual([[6, 'specialties', 'read']]);
    expect(rowsOf('src/legacy/audit-trail.js')).toEqual([[7, 'audit_entry', 'read']]);
    const typed = await extractDataFacts(typescript);
    expect(typed.accesses.filter((a) => a.file === 'src/audit/audit.service.ts').map((a) => [a.line, a.table, a.access])).toEqual([
      [7, 'audit_log', 'write'],
    ]);
  });

  it('gives the accesses of a managed and of an unmanaged transaction one transaction id each', async () => {
    const facts = await extractDataFacts(basic);
    expect(getTransactionRows(facts, 'src/services/appointment.service.ts').slice(3, 6)).toEqual([
      [15, 'appointments', 'read', 't1'],
      [19, 'appointments', 'write', 't1'],
      [20, 'Doctors', 'write', 't1'],
    ]);
    expect(getTransactionRows(facts, 'src/services/patient.service.ts')).toEqual([
      [6, 'patients', 'write', null],
      [14, 'patients', 'read', 't1'],
      [15, 'patients', 'write', 't1'],
      [16, 'audit_entry', 'write', 't1'],
      [25, 'patients', 'read', null],
    ]);
  });

  it('gives a query and the models it includes one query id, the through table of a many-to-many included', async () => {
    const facts = await extractDataFacts(typescript);
    const query = facts.accesses.filter((a) => a.file === 'src/users/users.service.ts' && a.line === 14);
    expect(query.map((a) => a.table)).toEqual(['users', 'Roles', 'user_roles']);
    expect(new Set(query.map((a) => a.queryId)).size).toBe(1);
    expect(query[0]!.queryId).toBeDefined();
  });

  it('reads the table of the model itself in a static method that calls this.findAll()', async () => {
    const analysis = await analyze({ root: typescript });
    expect(analysis.dataAccesses.filter((a) => a.file === 'src/models/blog-post.model.ts')).toEqual([
      { file: 'src/models/blog-post.model.ts', line: 20, table: 'blog_posts', access: 'read', via: 'sequelize' },
    ]);
  });

  it('records no access for a model that is only used as a type', async () => {
    const [plain, typed] = await Promise.all([analyze({ root: basic }), analyze({ root: typescript })]);
    expect(plain.dataAccesses.filter((a) => a.file.startsWith('src/http/'))).toEqual([]);
    expect(typed.dataAccesses.filter((a) => a.file.endsWith('.controller.ts'))).toEqual([]);
    expect([...plain.diagnostics, ...typed.diagnostics].filter((d) => d.code === 'unresolved-table')).toEqual([]);
  });
});
