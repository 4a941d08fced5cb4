import { describe, expect, it } from 'vitest';
import { drizzle } from '../../../src/extract/data/drizzle/index.js';
import { awilix } from '../../../src/extract/frameworks/awilix/index.js';
import { knex } from '../../../src/extract/data/knex/index.js';
import { kysely } from '../../../src/extract/data/kysely/index.js';
import { mikroOrm } from '../../../src/extract/data/mikro-orm/index.js';
import { mongoose } from '../../../src/extract/data/mongoose/index.js';
import { sequelize } from '../../../src/extract/data/sequelize/index.js';
import { sql } from '../../../src/extract/data/sql/index.js';
import { typeorm } from '../../../src/extract/data/typeorm/index.js';
import { toAccessRows, visitSource } from './visit-source.js';

describe('the Drizzle adapter on declarations', () => {
  it('reads table names from each dialect, inline and variable schemas, and table creators', () => {
    const facts = visitSource(
      drizzle.createVisitor(true),
      [
        "import { mysqlTable, pgSchema, pgTableCreator, sqliteTable } from 'drizzle-orm/pg-core';",
        "export const sessions = sqliteTable('sessions', {});",
        "export const audits = mysqlTable('audit_entries', {});",
        "export const ledger = pgSchema('finance').table('ledger', {});",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the analysed code's template
        'const createTable = pgTableCreator((name) => `shop_${name}`);',
        "export const carts = createTable('carts', {});",
        "export const notATable = someOtherFactory('x');",
      ].join('\n'),
    );
    expect(facts.entities.map(({ symbol, table }) => [symbol, table])).toEqual([
      ['sessions', 'sessions'],
      ['audits', 'audit_entries'],
      ['ledger', 'finance.ledger'],
      ['carts', 'shop_carts'],
    ]);
  });
});

describe('the Knex adapter on call shapes', () => {
  it('takes any knex-like instance name, but a db(...) call only when a builder method follows', () => {
    const facts = visitSource(
      knex.createVisitor(true),
      [
        "const pg = require('knex')({ client: 'pg' });",
        "const rows = await pg('accounts');",
        "await connection('ledger_entries').where({ id }).first();",
        "await db('not-a-table-name is fine').toString();",
        "await db('tokens');",
        "await Buffer.from('abc');",
        "const reporting = knex({ client: 'pg' });",
        "await knex({ o: 'orders' }).select('o.id');",
      ].join('\n'),
    );
    expect(toAccessRows(facts)).toEqual([
      [2, 'table:accounts', 'read'],
      [3, 'table:ledger_entries', 'read'],
      [8, 'table:orders', 'read'],
    ]);
  });
});

describe('the Kysely adapter on call shapes', () => {
  it('reads the joined table of an UPDATE … FROM and skips names bound by with()', () => {
    const facts = visitSource(
      kysely.createVisitor(true),
      [
        "await db.updateTable('orders').from('payments').set({ paid: true }).execute();",
        "await db.withRecursive('tree(id, parent)', (qb) => qb.selectFrom('nodes').selectAll()).selectFrom('tree').selectAll().execute();",
      ].join('\n'),
    );
    expect(toAccessRows(facts)).toEqual([
      [1, 'table:orders', 'write'],
      [1, 'table:payments', 'read'],
      [2, 'table:nodes', 'read'],
    ]);
  });
});

describe('the Mongoose adapter on model declarations', () => {
  it('declares a model behind models.X || model(…) under its variable, with an inline schema collection', () => {
    const facts = visitSource(
      mongoose.createVisitor(true),
      [
        "import mongoose from 'mongoose';",
        "export const Invoice = mongoose.models.Invoice || mongoose.model('Invoice', new mongoose.Schema({}, { collection: 'billing_invoices' }));",
        "export const Box = mongoose.model('Box', boxSchema);",
      ].join('\n'),
    );
    expect(facts.entities.map(({ symbol, table, modelName }) => [symbol, table, modelName])).toEqual([
      ['Invoice', 'billing_invoices', 'Invoice'],
      ['Box', 'boxes', 'Box'],
    ]);
  });

  it('marks a bare identifier receiver as speculative and an injected model as certain', () => {
    const facts = visitSource(
      mongoose.createVisitor(true),
      [
        'class Service {',
        "  constructor(@InjectModel('Order') private readonly orders: Model<OrderDocument>) {}",
        '  run() { return this.orders.find(); }',
        '}',
        'items.find((item) => item.id === 1);',
      ].join('\n'),
    );
    expect(facts.accesses.map(({ ref, speculative }) => ({ ref, speculative }))).toEqual([
      { ref: { kind: 'model', orm: 'mongoose', name: 'Order' }, speculative: undefined },
      { ref: { kind: 'symbol', name: 'items' }, speculative: true },
    ]);
  });
});

describe('the raw SQL adapter on call shapes', () => {
  it('reads SQL from strings, concatenations, tagged templates and consts, and ignores text that is not SQL', () => {
    const facts = visitSource(
      sql.createVisitor([]),
      [
        "await client.query('SELECT * FROM users WHERE id = ' + id);",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the analysed code's template
        'await prisma.$queryRaw`SELECT * FROM "Post" WHERE id = ${id}`;',
        "await conn.execute(REPORT, []);",
        "await logger.query('select a plan first');",
        "const REPORT = 'DELETE FROM sessions WHERE expires_at < now()';",
      ].join('\n'),
    );
    expect(toAccessRows(facts)).toEqual([
      [1, 'table:users', 'read'],
      [2, 'table:Post', 'read'],
      [3, 'table:sessions', 'write'],
    ]);
  });
});

describe('the TypeORM adapter on repositories held indirectly', () => {
  it("follows a repository passed to a generic base class's constructor, members copied to locals, and a builder's into()", () => {
    const facts = visitSource(
      typeorm.createVisitor(true),
      [
        "import { InjectRepository } from '@nestjs/typeorm';",
        "import { Repository } from 'typeorm';",
        "import { BaseCrudService } from '../common/base.service';",
        "import { User } from './user.entity';",
        "import { Post } from '../posts/post.entity';",
        'export class UsersService extends BaseCrudService<User> {',
        '  constructor(@InjectRepository(User) repo: Repository<User>, @InjectRepository(Post) private readonly posts: Repository<Post>) {',
        '    super(repo);',
        '  }',
        '  byName(name: string) { return this.repository.findOne({ where: { name } }); }',
        '  evict(key: string) { return this.cache.delete(key); }',
        '  purge() { const repo = this.posts; return repo.delete({}); }',
        '  count() { const { posts: all } = this; return all.count(); }',
        '  copy() { return this.posts.createQueryBuilder().insert().into(User).values({}).execute(); }',
        '}',
      ].join('\n'),
    );
    expect(toAccessRows(facts)).toEqual([
      [10, 'symbol:User', 'read'],
      [12, 'symbol:Post', 'write'],
      [13, 'symbol:Post', 'read'],
      [14, 'symbol:User', 'write'],
    ]);
  });
});

describe('the Sequelize adapter on associations', () => {
  it('declares the junction table a belongsToMany names, for a model taken from the registry or for this', () => {
    const facts = visitSource(
      sequelize.createVisitor(true),
      [
        "const { Model } = require('sequelize');",
        'module.exports = (sequelize, DataTypes) => {',
        '  class User extends Model {',
        '    static associate(models) {',
        "      User.belongsToMany(models.Role, { through: 'UserRoles' });",
        "      this.belongsToMany(models.Team, { through: 'TeamMembers' });",
        '    }',
        '  }',
        "  User.init({ email: DataTypes.STRING }, { sequelize, modelName: 'User' });",
        '  return User;',
        '};',
      ].join('\n'),
      'models/user.js',
    );
    expect(facts.entities.map(({ symbol, table }) => `${symbol} ${table}`)).toEqual(
      expect.arrayContaining(['User.Role:through UserRoles', 'User.Team:through TeamMembers']),
    );
  });
});

describe('TypeORM and MikroORM in one project', () => {
  it("leaves an @Entity() to the library it is imported from, so no table is declared twice", () => {
    const mikroEntity = "import { Entity, PrimaryKey } from '@mikro-orm/core';\n@Entity()\nexport class ApiKey { @PrimaryKey() id!: number; }\n";
    const typeormEntity = "import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n@Entity()\nexport class ApiKey { @PrimaryGeneratedColumn() id!: number; }\n";
    const tables = (visitor: Parameters<typeof visitSource>[0], source: string) => visitSource(visitor, source).entities.map((entity) => entity.table);
    expect(tables(typeorm.createVisitor(true), mikroEntity)).toEqual([]);
    expect(tables(mikroOrm.createVisitor({ mongo: false }), mikroEntity)).toEqual(['api_key']);
    expect(tables(typeorm.createVisitor(true), typeormEntity)).toEqual(['api_key']);
    expect(tables(mikroOrm.createVisitor({ mongo: false }), typeormEntity)).toEqual([]);
  });
});

describe('the awilix adapter on CommonJS modules', () => {
  it('registers a class or factory exported as the module itself, and reads what it destructures', () => {
    const gateway = visitSource(awilix.createVisitor(), 'module.exports = class PaymentGateway {\n  constructor({ httpClient, config }) { this.http = httpClient; }\n};\n', 'src/payment-gateway.js');
    expect(gateway.diProvides.map((entry) => entry.token)).toEqual(['str:paymentGateway']);
    expect(gateway.diInjects.map((entry) => entry.token)).toEqual(['str:httpClient', 'str:config']);
    const repository = visitSource(awilix.createVisitor(), 'module.exports = function makeUserRepo({ db }) {\n  return { find: (id) => db.query(id) };\n};\n', 'src/user-repo.js');
    expect(repository.diProvides.map((entry) => entry.token)).toEqual(['str:userRepo']);
    expect(repository.diInjects.map((entry) => entry.token)).toEqual(['str:db']);
  });
});

describe('the Sequelize adapter on injected models', () => {
  it('reads the table of a model included through an injected member', () => {
    const facts = visitSource(
      sequelize.createVisitor(true),
      [
        "import { InjectModel } from '@nestjs/sequelize';",
        "import { User } from './user.model';",
        "import { Photo } from './photo.model';",
        'export class UsersService {',
        '  constructor(@InjectModel(User) private userModel: typeof User, @InjectModel(Photo) private readonly photoModel: typeof Photo) {}',
        '  findAll() { return this.userModel.findAll({ include: [this.photoModel] }); }',
        '}',
      ].join('\n'),
    );
    expect(toAccessRows(facts)).toEqual([
      [6, 'symbol:User', 'read'],
      [6, 'symbol:Photo', 'read'],
    ]);
  });
});
