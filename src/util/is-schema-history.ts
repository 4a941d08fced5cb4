/** A folder that holds a project's schema history by every framework's convention. */
const HISTORY_FOLDER = /(^|\/)(migrations?|seeds|seeders)\//i;

/**
 * Whether a file is schema history: a migration or a seed (Knex, TypeORM's `src/migration`,
 * sequelize-cli, node-pg-migrate, Ghost's `data/migrations/versions/…`). Such a file changes or
 * fills tables of every domain in turn and runs once, outside any service: clustered, it glued
 * unrelated tables together, and its writes made tables look shared (Ghost's server: 24 shared
 * tables, 5 without its ~420 migrations). It is still read, because replaying it declares the
 * schema.
 */
export function isSchemaHistory(path: string): boolean {
  return HISTORY_FOLDER.test(path);
}
