/**
 * `public.users` and `users` are one table in Postgres, whose default schema is `public`; a
 * pg_dump qualifies every name with it, queries seldom do.
 */
export function withoutDefaultSchema(table: string): string {
  return table.startsWith('public.') ? table.slice('public.'.length) : table;
}
