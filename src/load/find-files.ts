import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { Diagnostic } from '../types.js';
import { isInside, toPosix, toRelative } from '../util/paths.js';
import { BUILD_FOLDERS, isSourceFile, isTestPath, SKIPPED_FOLDERS } from './source-extensions.js';

export interface SourceFileEntry {
  absolute: string;
  path: string;
  size: number;
}

export interface FindFilesOptions {
  root: string;
  includeTests: boolean;
  include: string[];
  exclude: string[];
  maxFileSize: number;
}

export interface FoundFiles {
  files: SourceFileEntry[];
  tsconfigs: string[];
  /** Every package.json under the root: each declares the libraries of the code beside it. */
  manifests: string[];
  /** Every Nx `project.json` under the root. */
  projectManifests: string[];
  /** Schema files read as data by the ORM adapters (Prisma). */
  schemaFiles: SourceFileEntry[];
  /** Build-output folders skipped (`dist`, `lib/build`), shallowest first: where a published package keeps its code. */
  skippedBuildFolders: string[];
  diagnostics: Diagnostic[];
}

interface GitignoreScope {
  base: string;
  rules: Ignore;
}

/**
 * Lists the source files under the root: skips dependency and build folders, .d.ts files,
 * gitignored paths and (by default) tests. Symbolic links are followed only while they stay
 * inside the root, and each real directory is entered once, so link loops end. Linked folders
 * are entered after the whole real tree, so a folder reachable under two names is listed under
 * its real one, the name that imports use.
 */
export function findFiles(options: FindFilesOptions): FoundFiles {
  const root = options.root;
  const includeMatcher = options.include.length > 0 ? picomatch(options.include, { dot: true }) : null;
  const excludeMatcher = options.exclude.length > 0 ? picomatch(options.exclude, { dot: true }) : null;
  const files: SourceFileEntry[] = [];
  const tsconfigs: string[] = [];
  const manifests: string[] = [];
  const projectManifests: string[] = [];
  const schemaFiles: SourceFileEntry[] = [];
  const skippedBuildFolders: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const visitedDirectories = new Set<string>();

  // A folder entered through a real folder has that folder's real path plus its name, and its
  // relative path is its parent's plus its name: neither needs a system call or path.relative
  // (20k files: ~0.2 s). Only the root and linked folders are resolved.
  const pending: { directory: string; real: string | null; relativeDirectory: string; scopes: GitignoreScope[] }[] = [
    { directory: root, real: null, relativeDirectory: '', scopes: [] },
  ];
  const linkedPending: typeof pending = [];
  while (pending.length > 0 || linkedPending.length > 0) {
    const { directory, real, relativeDirectory, scopes: parentScopes } = pending.length > 0 ? pending.pop()! : linkedPending.shift()!;
    let realDirectory: string;
    try {
      realDirectory = real ?? fs.realpathSync(directory);
    } catch {
      continue;
    }
    if (visitedDirectories.has(realDirectory) || !isInside(root, realDirectory)) continue;
    visitedDirectories.add(realDirectory);

    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      diagnostics.push({
        code: 'unreadable-directory',
        severity: 'warning',
        file: toRelative(root, directory) || '.',
        message: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`,
      });
      continue;
    }
    const scopes = entries.some((entry) => entry.name === '.gitignore') ? readGitignore(directory, parentScopes) : parentScopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      const relative = relativeDirectory ? `${relativeDirectory}/${entry.name}` : entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = resolveLinkInsideRoot(root, absolute);
        if (!target) {
          diagnostics.push({
            code: 'symlink-skipped',
            severity: 'info',
            file: relative,
            message: 'symbolic link points outside the analysed root or nowhere; not followed',
          });
          continue;
        }
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      }
      if (isIgnored(scopes, absolute, isDirectory)) continue;
      if (isDirectory) {
        if (SKIPPED_FOLDERS.has(entry.name)) {
          if (BUILD_FOLDERS.has(entry.name)) skippedBuildFolders.push(relative);
          continue;
        }
        if (entry.isSymbolicLink()) linkedPending.push({ directory: absolute, real: null, relativeDirectory: relative, scopes });
        else pending.push({ directory: absolute, real: path.join(realDirectory, entry.name), relativeDirectory: relative, scopes });
        continue;
      }
      if (!isFile) continue;
      if (entry.name === 'tsconfig.json' || entry.name === 'jsconfig.json') tsconfigs.push(absolute);
      if (entry.name === 'package.json') manifests.push(absolute);
      if (entry.name === 'project.json') projectManifests.push(absolute);
      if (entry.name.endsWith('.prisma') || (isSqlSchemaFile(entry.name) && !isTestPath(relative) && !excludeMatcher?.(relative))) {
        schemaFiles.push({ absolute, path: relative, size: statSize(absolute) });
      }
      if (!isSourceFile(entry.name)) continue;
      if (!options.includeTests && isTestPath(relative)) continue;
      if (includeMatcher && !includeMatcher(relative)) continue;
      if (excludeMatcher?.(relative)) continue;
      const size = statSize(absolute);
      if (size > options.maxFileSize) {
        diagnostics.push({
          code: 'file-too-large',
          severity: 'warning',
          file: relative,
          message: `skipped: ${size} bytes is over --max-file-size ${options.maxFileSize}`,
        });
        continue;
      }
      files.push({ absolute, path: relative, size });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  tsconfigs.sort();
  manifests.sort();
  projectManifests.sort();
  skippedBuildFolders.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
  return { files, tsconfigs, manifests, projectManifests, schemaFiles, skippedBuildFolders, diagnostics };
}

function statSize(absolute: string): number {
  try {
    return fs.statSync(absolute).size;
  } catch {
    return 0;
  }
}

function resolveLinkInsideRoot(root: string, absolute: string): fs.Stats | null {
  try {
    const target = fs.realpathSync(absolute);
    if (!isInside(fs.realpathSync(root), target)) return null;
    return fs.statSync(target);
  } catch {
    return null;
  }
}

function readGitignore(directory: string, parentScopes: GitignoreScope[]): GitignoreScope[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return parentScopes;
  }
  return [...parentScopes, { base: directory, rules: ignore().add(text) }];
}

function isIgnored(scopes: GitignoreScope[], absolute: string, isDirectory: boolean): boolean {
  for (const scope of scopes) {
    const relative = toPosix(path.relative(scope.base, absolute));
    if (relative === '' || relative === '..' || relative.startsWith('../')) continue;
    if (scope.rules.ignores(isDirectory ? `${relative}/` : relative)) return true;
  }
  return false;
}

/**
 * SQL scripts whose CREATE/DROP TABLE statements describe the schema (schema.sql, migrations).
 * Rollback scripts (`*.down.sql`, Flyway's `U1__undo.sql`) undo what the others did.
 */
function isSqlSchemaFile(name: string): boolean {
  return name.endsWith('.sql') && !name.endsWith('.down.sql') && !/^U\d+(_\d+)*__/.test(name);
}
