import type { DataAdapter } from './adapter.js';
import { drizzle } from './drizzle/index.js';
import { knex } from './knex/index.js';
import { kysely } from './kysely/index.js';
import { migrationApis } from './migrations/index.js';
import { mikroOrm } from './mikro-orm/index.js';
import { mongodb } from './mongodb/index.js';
import { mongoose } from './mongoose/index.js';
import { objection } from './objection/index.js';
import { prisma } from './prisma/index.js';
import { sequelize } from './sequelize/index.js';
import { sql } from './sql/index.js';
import { typeorm } from './typeorm/index.js';

/** Every data-access adapter, by name. Order does not matter: each contributes its own facts. */
export const dataAdapters: DataAdapter<any>[] = [prisma, knex, kysely, drizzle, mongoose, mongodb, sql, typeorm, mikroOrm, sequelize, objection, migrationApis];
