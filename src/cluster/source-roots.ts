/** Folders where an app's source starts (`api/src/`, `app/controllers/`, a package's `lib/`). */
export const SOURCE_ROOTS: ReadonlySet<string> = new Set(['src', 'lib', 'app', 'source']);
