import fs from 'node:fs';
import path from 'node:path';
import ts from '../util/typescript.cjs';
import type { Diagnostic } from '../types.js';
import { readTextIfPresent } from '../util/read-text-if-present.js';
import { isInside, toRelative } from '../util/paths.js';

export interface PathAlias {
  /** The pattern as written, e.g. `@app/*`; at most one `*`. */
  pattern: string;
  prefix: string;
  suffix: string;
  hasWildcard: boolean;
  /** Absolute target patterns, each with at most one `*`. */
  targets: string[];
}

/** What module resolution needs from one tsconfig, with `extends` already applied. */
export interface ResolverConfig {
  file: string;
  directory: string;
  baseUrl: string | null;
  aliases: PathAlias[];
  /** Absolute paths of referenced projects' tsconfig files (solution-style configs). */
  references: string[];
  /** Include globs relative to the config directory, used to pick a referenced project. */
  include: string[];
  isSolution: boolean;
}

/**
 * Reads a tsconfig through TypeScript's own reader, so `extends` chains (including configs in
 * packages), comments and trailing commas behave as tsc does. Errors become diagnostics: a
 * config that cannot be read still yields an empty config and the analysis goes on. The
 * directory scan of `include` is disabled because seams lists files itself.
 *
 * `workspacePackages` (package name → folder) serves a config that extends a sibling package
 * (`"extends": "@repo/typescript-config/node.json"`, as Turborepo's templates do) where nothing
 * is installed: a fresh clone has no node_modules, and without the shared config its `paths`
 * and `baseUrl` were lost and every aliased import went unresolved.
 */
export function readTsconfig(
  file: string,
  root: string,
  diagnostics: Diagnostic[],
  workspacePackages: ReadonlyMap<string, string> = new Map(),
): ResolverConfig {
  const directory = path.dirname(file);
  const empty: ResolverConfig = {
    file,
    directory,
    baseUrl: null,
    aliases: [],
    references: [],
    include: [],
    isSolution: false,
  };
  const read = ts.readConfigFile(file, (name) => readTextIfPresent(name));
  if (read.error) {
    diagnostics.push(toConfigDiagnostic(root, file, read.error));
    return empty;
  }
  const toInstalled = (name: string) => (fs.existsSync(name) ? name : (toWorkspaceFile(name, workspacePackages) ?? name));
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    readDirectory: () => [],
    fileExists: (name) => fs.existsSync(toInstalled(name)),
    readFile: (name) => readTextIfPresent(toInstalled(name)),
  };
  let parsed: ts.ParsedCommandLine;
  try {
    parsed = ts.parseJsonConfigFileContent(read.config, host, directory, undefined, file);
  } catch (error) {
    diagnostics.push({
      code: 'tsconfig',
      severity: 'warning',
      file: toRelative(root, file),
      message: `cannot read tsconfig: ${toRelativePaths(root, String((error as Error).message).replace(/\s+/g, ' '))}`,
    });
    return empty;
  }
  for (const error of parsed.errors) {
    if (isReportable(error)) diagnostics.push(toConfigDiagnostic(root, file, error));
  }
  const options = parsed.options;
  const baseUrl = typeof options.baseUrl === 'string' ? options.baseUrl : null;
  // `paths` are relative to baseUrl when it is set, else to the config that declares them.
  const pathsBase = baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath ?? directory;
  const aliases = toAliases(options.paths ?? {}, pathsBase);
  for (const alias of aliases) {
    const outside = alias.targets.filter((target) => !isInside(root, target));
    if (outside.length === 0) continue;
    diagnostics.push({
      code: 'alias-outside-root',
      severity: 'info',
      file: toRelative(root, file),
      message: `paths alias '${alias.pattern}' points outside the analysed root (${outside.map((target) => toRelative(root, target)).join(', ')}); imports through it are not analysed`,
    });
  }
  const raw = read.config as { files?: unknown; include?: unknown; references?: unknown };
  const references = (parsed.projectReferences ?? []).map((reference) =>
    reference.path.endsWith('.json') ? reference.path : path.join(reference.path, 'tsconfig.json'),
  );
  const include = Array.isArray(raw.include) ? raw.include.filter((v): v is string => typeof v === 'string') : [];
  const isSolution =
    references.length > 0 && Array.isArray(raw.files) && raw.files.length === 0 && include.length === 0;
  return { file, directory, baseUrl, aliases, references, include, isSolution };
}

/**
 * Where `…/node_modules/@scope/name/sub/path` would be once installed, when `@scope/name` is a
 * package of the workspace: `<its folder>/sub/path`. TypeScript looks a package up in every
 * node_modules above the config, and each of those paths maps to the same file.
 */
function toWorkspaceFile(name: string, workspacePackages: ReadonlyMap<string, string>): string | null {
  if (workspacePackages.size === 0) return null;
  const normalized = name.replaceAll('\\', '/');
  const marker = '/node_modules/';
  const at = normalized.lastIndexOf(marker);
  if (at < 0) return null;
  const segments = normalized.slice(at + marker.length).split('/');
  const nameLength = segments[0]?.startsWith('@') ? 2 : 1;
  const directory = workspacePackages.get(segments.slice(0, nameLength).join('/'));
  return directory ? path.join(directory, ...segments.slice(nameLength)) : null;
}

function toAliases(paths: ts.MapLike<string[]>, base: string): PathAlias[] {
  const aliases: PathAlias[] = [];
  for (const [pattern, targets] of Object.entries(paths)) {
    if (!Array.isArray(targets)) continue;
    const star = pattern.indexOf('*');
    aliases.push({
      pattern,
      prefix: star < 0 ? pattern : pattern.slice(0, star),
      suffix: star < 0 ? '' : pattern.slice(star + 1),
      hasWildcard: star >= 0,
      targets: targets.filter((t) => typeof t === 'string').map((target) => path.resolve(base, target)),
    });
  }
  return aliases;
}

/** Errors about the analysed files themselves (none found, deprecated options) do not concern seams. */
function isReportable(error: ts.Diagnostic): boolean {
  const ignoredCodes = new Set([18003, 5101, 5102, 5107, 5108, 5110, 5069, 5070, 5095]);
  return error.category === ts.DiagnosticCategory.Error && !ignoredCodes.has(error.code);
}

function toConfigDiagnostic(root: string, file: string, error: ts.Diagnostic): Diagnostic {
  return {
    code: 'tsconfig',
    severity: 'warning',
    file: toRelative(root, error.file?.fileName ?? file),
    message: toRelativePaths(root, ts.flattenDiagnosticMessageText(error.messageText, ' ').replace(/\s+/g, ' ')),
  };
}

/** TypeScript names files by absolute path; seams' output names them relative to the root. */
function toRelativePaths(root: string, text: string): string {
  return text.replace(/(^|[\s'"(])((?:\/|[A-Za-z]:\/)[^\s'"()]*)/g, (_, before: string, absolute: string) => `${before}${toRelative(root, absolute) || '.'}`);
}
