/** Folders that hold a project's schema history by every framework's convention. */
const HISTORY_FOLDERS = new Set(['migrations', 'migration', 'seeds', 'seeders']);

/**
 * Whether a file is schema history: a migration or a seed (Knex, TypeORM's `src/migration`,
 * sequelize-cli, node-pg-migrate, Ghost's `data/migrations/versions/…`). Such a file changes or
 * fills tables of every domain in turn and runs once, outside any service: clustered, it glued
 * unrelated tables together, and its writes made tables look shared (Ghost's server: 24 shared
 * tables, 5 without its ~420 migrations). It is still read, because replaying it declares the
 * schema.
 */
export function isSchemaHistory(path: string): boolean {
  const folders = path.split('/');
  folders.pop();
  return folders.some((folder) => HISTORY_FOLDERS.has(folder.toLowerCase()));
}
