/**
 * The workspace package of a path: its deepest package folder (a package nested in another
 * claims its own files), or '' for the project at the root.
 */
export function createPackageFinder(packageFolders: readonly string[]): (path: string) => string {
  const deepestFirst = packageFolders.filter((folder) => folder !== '').sort((a, b) => b.length - a.length);
  return (path) => deepestFirst.find((folder) => path.startsWith(`${folder}/`)) ?? '';
}
