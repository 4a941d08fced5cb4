import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { WorkspacePackage } from '../../load/find-workspace-packages.js';
import type { PathAlias, ResolverConfig } from '../../load/read-tsconfig.js';
import type { Workspace } from '../../load/workspace.js';
import { isInside, toRelative } from '../../util/paths.js';
import { readTextIfPresent } from '../../util/read-text-if-present.js';
import ts from '../../util/typescript.cjs';

/** `path` is relative to the workspace root, computed once per cached resolution. */
export type Resolution =
  | { kind: 'file'; absolute: string; path: string }
  /** A file that exists but is not analysed: outside the root, a test, a .d.ts, JSON, an asset. */
  | { kind: 'outside'; absolute: string; path: string; workspacePackage: string | null }
  | { kind: 'external'; packageName: string }
  | { kind: 'unresolved' };

export type Resolver = (fromAbsolute: string, specifier: string, configIndex: number) => Resolution;

const TS_FOR_JS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts', '.json'];
const BUILTINS = new Set(builtinModules);
const BUILD_FOLDERS = /^(\.\/)?(dist|build|lib|out|esm|cjs)\//;

/**
 * Resolves import specifiers the way TypeScript and bundlers do (relative paths, `paths`
 * aliases of the file's own tsconfig, `baseUrl`, workspace packages, package `imports`), but
 * against the known file list first, so most look-ups never touch the disk. Bare specifiers that
 * no alias or workspace package claims are external packages and are not looked up at all: the
 * cost of other tools lies in walking node_modules.
 */
export function createResolver(workspace: Workspace): Resolver {
  const analysed = new Set(workspace.files.map((file) => file.absolute));
  const existsCache = new Map<string, boolean>();
  const isFile = (absolute: string): boolean => {
    if (analysed.has(absolute)) return true;
    let exists = existsCache.get(absolute);
    if (exists === undefined) {
      try {
        exists = fs.statSync(absolute).isFile();
      } catch {
        exists = false;
      }
      existsCache.set(absolute, exists);
    }
    return exists;
  };
  const packagesByName = new Map(workspace.packages.map((pkg) => [pkg.name, pkg]));
  const cache = new Map<string, Resolution>();

  const toResolution = (absolute: string | null): Resolution | null => {
    if (!absolute) return null;
    const relative = toRelative(workspace.root, absolute);
    if (analysed.has(absolute)) return { kind: 'file', absolute, path: relative };
    const owner = workspace.packages.find((pkg) => isInside(pkg.directory, absolute));
    const ownerOutsideRoot = owner && !isInside(workspace.root, absolute) ? owner.name : null;
    return { kind: 'outside', absolute, path: relative, workspacePackage: ownerOutsideRoot };
  };

  /**
   * Candidates are tried against the analysed files first and only then on disk, so the common
   * case (an import of another analysed file) costs no system call at all.
   */
  const resolveAsPath = (base: string): string | null =>
    findCandidate(base, (candidate) => analysed.has(candidate)) ?? findCandidate(base, isFile);

  const resolveAliases = (aliases: PathAlias[], specifier: string): string | null => {
    const exact = aliases.find((alias) => !alias.hasWildcard && alias.pattern === specifier);
    const candidates = exact
      ? [{ alias: exact, captured: '' }]
      : aliases
          .filter(
            (alias) =>
              alias.hasWildcard &&
              specifier.startsWith(alias.prefix) &&
              specifier.endsWith(alias.suffix) &&
              specifier.length >= alias.prefix.length + alias.suffix.length,
          )
          .sort((a, b) => b.prefix.length - a.prefix.length)
          .map((alias) => ({
            alias,
            captured: specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length),
          }));
    for (const { alias, captured } of candidates) {
      for (const target of alias.targets) {
        const resolved = resolveAsPath(target.replace('*', captured));
        if (resolved) return resolved;
      }
    }
    return null;
  };

  const resolveWorkspacePackage = (pkg: WorkspacePackage, subpath: string): string | null => {
    for (const entry of getPackageEntries(pkg, subpath)) {
      const absolute = path.join(pkg.directory, entry);
      const resolved = resolveAsPath(stripExtension(absolute)) ?? resolveAsPath(absolute);
      if (resolved) return resolved;
    }
    return null;
  };

  const packageScopes = createPackageScopeFinder();
  const getMappingScope = (fromAbsolute: string): string => {
    const scope = packageScopes(path.dirname(fromAbsolute));
    return scope && (scope.imports !== undefined || scope.moduleAliases.length > 0 || scope.patternAliases.length > 0 || scope.roots.length > 0)
      ? scope.directory
      : '';
  };

  /**
   * `#name` specifiers map through the `imports` field of the importing file's package.json
   * (Node's subpath imports, used by AdonisJS's `#models/*` and many ESM services). The target
   * may be build output, tried with its build folder swapped for `src/` first, like a workspace
   * package's entry; a target that is a bare package name is that external package.
   */
  const resolveSubpathImport = (scope: PackageScope, specifier: string): Resolution | null => {
    const target = pickSubpath(scope.imports, specifier);
    if (typeof target !== 'string') return null;
    if (!target.startsWith('./')) return { kind: 'external', packageName: getPackageName(target) };
    const entries = BUILD_FOLDERS.test(target) ? [target.replace(BUILD_FOLDERS, 'src/'), target] : [target];
    for (const entry of entries) {
      const absolute = path.join(scope.directory, entry);
      const resolved = toResolution(resolveAsPath(stripExtension(absolute)) ?? resolveAsPath(absolute));
      if (resolved) return resolved;
    }
    return null;
  };

  const resolveUncached = (fromAbsolute: string, specifier: string, config: ResolverConfig | undefined): Resolution => {
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
      return toResolution(resolveAsPath(path.resolve(path.dirname(fromAbsolute), specifier))) ?? { kind: 'unresolved' };
    }
    if (config && config.aliases.length > 0) {
      const viaAlias = toResolution(resolveAliases(config.aliases, specifier));
      if (viaAlias) return viaAlias;
    }
    const scope = packageScopes(path.dirname(fromAbsolute));
    const moduleAlias = scope?.moduleAliases.find(({ name }) => specifier === name || specifier.startsWith(`${name}/`));
    if (scope && moduleAlias) {
      const target = path.resolve(scope.directory, moduleAlias.target, `.${specifier.slice(moduleAlias.name.length)}`);
      const viaModuleAlias = toResolution(resolveAsPath(target));
      if (viaModuleAlias) return viaModuleAlias;
    }
    const patternAlias = scope?.patternAliases.find(({ pattern }) => pattern.test(specifier));
    if (scope && patternAlias) {
      const target = specifier.replace(patternAlias.pattern, patternAlias.target.replace(/\\(\d)/g, '$$$1'));
      const viaPattern = toResolution(resolveAsPath(path.resolve(scope.directory, target)));
      if (viaPattern) return viaPattern;
    }
    for (const root of scope?.roots ?? []) {
      const viaRoot = toResolution(findCandidate(path.join(root, specifier), (candidate) => analysed.has(candidate)));
      if (viaRoot) return viaRoot;
    }
    const packageName = getPackageName(specifier);
    const pkg = packagesByName.get(packageName);
    if (pkg) {
      const subpath = specifier.slice(packageName.length);
      const viaPackage = toResolution(resolveWorkspacePackage(pkg, subpath));
      if (viaPackage) return viaPackage;
      // A module of a sibling package that is not there (`@acme/utils/nope`) is a broken import,
      // not a library; the package itself, or a non-code file of it, may be built output.
      if (subpath !== '' && /^\/[^.]*(\.[cm]?[jt]sx?)?$/.test(subpath)) return { kind: 'unresolved' };
    }
    if (config?.baseUrl) {
      const viaBaseUrl = toResolution(resolveAsPath(path.join(config.baseUrl, specifier)));
      if (viaBaseUrl) return viaBaseUrl;
    }
    if (specifier.startsWith('node:') || BUILTINS.has(packageName)) return { kind: 'external', packageName: specifier };
    if (specifier.startsWith('#')) return (scope && resolveSubpathImport(scope, specifier)) ?? { kind: 'unresolved' };
    const looksLikeAlias =
      moduleAlias !== undefined ||
      patternAlias !== undefined ||
      config?.aliases.some((alias) => specifier.startsWith(alias.prefix) && alias.prefix !== '');
    if (looksLikeAlias || /^[~@]\//.test(specifier)) return { kind: 'unresolved' };
    return { kind: 'external', packageName };
  };

  return (fromAbsolute, specifier, configIndex) => {
    // A relative specifier means another file from each folder; a bare one another file under
    // each tsconfig (its `paths`) and, only in a package that maps names itself (`imports`,
    // `_moduleAliases`), in each such package.
    const key = specifier.startsWith('.')
      ? `${path.dirname(fromAbsolute)}\0${specifier}`
      : `${configIndex}\0${getMappingScope(fromAbsolute)}\0${specifier}`;
    let resolution = cache.get(key);
    if (!resolution) {
      resolution = resolveUncached(fromAbsolute, specifier, workspace.configs[configIndex]);
      cache.set(key, resolution);
    }
    return resolution;
  };
}

function findCandidate(base: string, exists: (absolute: string) => boolean): string | null {
  const extension = path.extname(base);
  const substitutes = TS_FOR_JS[extension];
  if (extension && !substitutes && exists(base)) return base;
  if (substitutes) {
    const stem = base.slice(0, -extension.length);
    for (const substitute of substitutes) if (exists(stem + substitute)) return stem + substitute;
  }
  for (const candidate of EXTENSIONS) if (exists(base + candidate)) return base + candidate;
  for (const candidate of EXTENSIONS) {
    const index = path.join(base, `index${candidate}`);
    if (exists(index)) return index;
  }
  return null;
}

export function getPackageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function stripExtension(file: string): string {
  return file.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
}

/**
 * Where a workspace package's source is likely to be, most specific first. Manifests point
 * `main`/`types`/`exports` at build output that does not exist in a fresh checkout, so each such
 * path is also tried with its build folder swapped for `src/`.
 */
function getPackageEntries(pkg: WorkspacePackage, subpath: string): string[] {
  const manifest = pkg.manifest;
  const entries: string[] = [];
  const add = (entry: unknown) => {
    if (typeof entry !== 'string') return;
    if (BUILD_FOLDERS.test(entry)) entries.push(entry.replace(BUILD_FOLDERS, 'src/'));
    entries.push(entry);
  };
  if (subpath === '') {
    add(manifest.source);
    add(pickExport(manifest.exports, '.'));
    add(manifest.types ?? manifest.typings);
    add(manifest.module);
    add(manifest.main);
    entries.push('src/index', 'index', 'lib/index');
  } else {
    const sub = subpath.replace(/^\//, '');
    add(pickExport(manifest.exports, `./${sub}`));
    entries.push(`src/${sub}`, sub);
  }
  return entries;
}

function pickExport(exports: unknown, subpath: string): unknown {
  if (typeof exports === 'string') return subpath === '.' ? exports : undefined;
  if (!exports || typeof exports !== 'object') return undefined;
  const map = exports as Record<string, unknown>;
  const hasSubpaths = Object.keys(map).some((key) => key.startsWith('.'));
  if (!hasSubpaths) return subpath === '.' ? pickCondition(map) : undefined;
  return pickSubpath(map, subpath);
}

/**
 * The target of `subpath` in an `exports` or `imports` map: its exact key, or else the pattern
 * key (`./*`, `#models/*`) with the longest prefix, as Node orders them, with `*` filled in.
 */
function pickSubpath(map: unknown, subpath: string): unknown {
  if (!map || typeof map !== 'object' || Array.isArray(map)) return undefined;
  const entries = map as Record<string, unknown>;
  if (Object.hasOwn(entries, subpath)) return pickCondition(entries[subpath]);
  let best: { prefix: string; value: unknown; captured: string } | null = null;
  for (const [key, value] of Object.entries(entries)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.length < key.length || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    if (best && best.prefix.length >= prefix.length) continue;
    best = { prefix, value, captured: subpath.slice(prefix.length, subpath.length - suffix.length) };
  }
  return best ? pickCondition(JSON.parse(JSON.stringify(best.value).replaceAll('*', best.captured))) : undefined;
}

interface PackageScope {
  directory: string;
  imports: unknown;
  /**
   * module-alias's `_moduleAliases` (`"@models": "src/models"`) and the plain aliases of Babel's
   * module-resolver, longest name first; targets relative to `directory`.
   */
  moduleAliases: { name: string; target: string }[];
  /** module-resolver's regular-expression aliases (`"^~/(.+)": "./src/\\1"`). */
  patternAliases: { pattern: RegExp; target: string }[];
  /** module-resolver's `root` folders, absolute: bare specifiers are looked up under each. */
  roots: string[];
}

/**
 * The package a folder belongs to: its nearest package.json, read once per folder. Node takes
 * the nearest one even when it has no `imports`, and so does this.
 */
function createPackageScopeFinder(): (directory: string) => PackageScope | null {
  const scopes = new Map<string, PackageScope | null>();
  const find = (directory: string): PackageScope | null => {
    const known = scopes.get(directory);
    if (known !== undefined) return known;
    let scope: PackageScope | null = null;
    const manifest = path.join(directory, 'package.json');
    if (fs.existsSync(manifest)) {
      scope = { directory, ...readScopeFields(manifest) };
    } else {
      const parent = path.dirname(directory);
      scope = parent === directory ? null : find(parent);
    }
    scopes.set(directory, scope);
    return scope;
  };
  return find;
}

function readScopeFields(manifest: string): Omit<PackageScope, 'directory'> {
  let fields: { imports?: unknown; _moduleAliases?: unknown; babel?: unknown };
  try {
    fields = JSON.parse(fs.readFileSync(manifest, 'utf8')) as typeof fields;
  } catch {
    return { imports: undefined, moduleAliases: [], patternAliases: [], roots: [] };
  }
  const directory = path.dirname(manifest);
  const resolver = readModuleResolverOptions(directory, fields.babel);
  const aliases = [
    ...(fields._moduleAliases && typeof fields._moduleAliases === 'object' ? Object.entries(fields._moduleAliases) : []),
    ...Object.entries(resolver.alias).filter(([name]) => !name.startsWith('^')),
  ];
  return {
    imports: fields.imports,
    moduleAliases: aliases
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '')
      .map(([name, target]) => ({ name, target }))
      .sort((a, b) => b.name.length - a.name.length),
    patternAliases: Object.entries(resolver.alias).flatMap(([name, target]) => {
      if (!name.startsWith('^') || typeof target !== 'string') return [];
      try {
        return [{ pattern: new RegExp(name), target }];
      } catch {
        return [];
      }
    }),
    roots: resolver.root.filter((root): root is string => typeof root === 'string' && !root.includes('*')).map((root) => path.resolve(directory, root)),
  };
}

/** Babel configuration read as data (never `babel.config.js`, which would have to run). */
const BABEL_CONFIG_FILES = ['.babelrc', '.babelrc.json', 'babel.config.json'];
const MODULE_RESOLVER = new Set(['module-resolver', 'babel-plugin-module-resolver']);

/**
 * The options of babel-plugin-module-resolver (https://github.com/tleunen/babel-plugin-module-resolver)
 * in the package's Babel configuration: its `babel` field or a JSON config file beside it.
 * Older JavaScript backends alias their folders this way (`import User from '@models/user'`).
 */
function readModuleResolverOptions(directory: string, packageBabel: unknown): { alias: Record<string, unknown>; root: unknown[] } {
  const configs = [packageBabel];
  for (const name of BABEL_CONFIG_FILES) {
    const text = readTextIfPresent(path.join(directory, name));
    if (text !== undefined) configs.push(ts.parseConfigFileTextToJson(name, text).config);
  }
  for (const config of configs) {
    const plugins = config && typeof config === 'object' ? (config as { plugins?: unknown }).plugins : undefined;
    if (!Array.isArray(plugins)) continue;
    for (const plugin of plugins) {
      if (!Array.isArray(plugin) || !MODULE_RESOLVER.has(plugin[0]) || !plugin[1] || typeof plugin[1] !== 'object') continue;
      const options = plugin[1] as { alias?: unknown; root?: unknown };
      const alias = options.alias && typeof options.alias === 'object' && !Array.isArray(options.alias) ? (options.alias as Record<string, unknown>) : {};
      const root = Array.isArray(options.root) ? options.root : typeof options.root === 'string' ? [options.root] : [];
      return { alias, root };
    }
  }
  return { alias: {}, root: [] };
}


/** Conditions that lead to source rather than build output, taken first when present. */
const SOURCE_CONDITIONS = ['source', 'types', 'typings'];
/** Conditions a server-side Node process matches; of these the first in the map wins, as in Node. */
const NODE_CONDITIONS = new Set(['node', 'import', 'require', 'module', 'default', 'development', 'production']);

function pickCondition(target: unknown): unknown {
  for (let depth = 0; depth < 5 && target && typeof target === 'object' && !Array.isArray(target); depth++) {
    const conditions = target as Record<string, unknown>;
    const key =
      SOURCE_CONDITIONS.find((condition) => Object.hasOwn(conditions, condition)) ??
      Object.keys(conditions).find((condition) => NODE_CONDITIONS.has(condition));
    target = key === undefined ? undefined : conditions[key];
  }
  return Array.isArray(target) ? target[0] : target;
}
