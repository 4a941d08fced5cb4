import fs from 'node:fs';
import path from 'node:path';
import type { AnalysisOptions, Diagnostic } from '../types.js';
import { UsageError } from '../util/errors.js';
import { uniqueSorted } from '../util/sort.js';
import { readDataFiles } from './read-data-files.js';
import { findFiles } from './find-files.js';
import { findWorkspacePackages } from './find-workspace-packages.js';
import { getDependencyNames, readPackageJson } from './read-package-json.js';
import { type ResolverConfig, readTsconfig } from './read-tsconfig.js';
import { selectConfigs } from './select-config.js';
import { SOURCE_EXTENSIONS } from './source-extensions.js';
import type { Workspace } from './workspace.js';

export type { Workspace } from './workspace.js';

export function loadWorkspace(rootArgument: string, options: AnalysisOptions): Workspace {
  const root = resolveRoot(rootArgument);
  const diagnostics: Diagnostic[] = [];
  const found = findFiles({
    root,
    includeTests: options.includeTests,
    include: options.include,
    exclude: options.exclude,
    maxFileSize: options.maxFileSize,
  });
  diagnostics.push(...found.diagnostics);
  if (found.files.length === 0) {
    // A package installed from npm keeps its code in dist/ or build/: say where to point instead.
    const buildFolder = found.skippedBuildFolders[0];
    const hint = buildFolder ? `; ${buildFolder}/ was skipped as build output, analyse it directly to read the compiled code` : '';
    diagnostics.push({
      code: 'no-source-files',
      severity: 'warning',
      message: `no source files to analyse (looked for ${SOURCE_EXTENSIONS.join(' ')}; tests, .d.ts, dependency, build, gitignored and excluded paths are skipped)${hint}`,
    });
  }

  const configFiles = [...found.tsconfigs];
  const rootConfig = findRootConfig(root, options.tsconfig);
  if (rootConfig && !configFiles.includes(rootConfig)) configFiles.push(rootConfig);
  const layout = findWorkspacePackages(root);
  const packageFolders = new Map(layout.packages.map((pkg) => [pkg.name, pkg.directory]));
  const configCache = new Map<string, ResolverConfig>();
  const readConfig = (file: string): ResolverConfig => {
    let config = configCache.get(file);
    if (!config) {
      config = readTsconfig(file, root, diagnostics, packageFolders);
      configCache.set(file, config);
    }
    return config;
  };
  const { configs, configOfFile } = selectConfigs({
    root,
    files: found.files,
    configFiles,
    rootConfig,
    readConfig,
  });

  const manifests = [...found.manifests];
  const enclosing = findEnclosingManifest(root);
  if (enclosing) manifests.push(enclosing);
  if (layout.workspaceRoot) manifests.push(path.join(layout.workspaceRoot, 'package.json'));
  for (const pkg of layout.packages) manifests.push(path.join(pkg.directory, 'package.json'));
  const dependencies = uniqueSorted(
    manifests.flatMap((file) => {
      const manifest = readPackageJson(file);
      return manifest ? getDependencyNames(manifest) : [];
    }),
  );

  const dataFiles = readDataFiles(found.schemaFiles, options.maxFileSize, diagnostics);
  return {
    root,
    files: found.files,
    configs,
    configOfFile,
    packages: layout.packages,
    projectFolders: found.projectManifests.map((file) => path.dirname(file)),
    dependencies,
    dataFiles,
    diagnostics: withoutRepeatedAliasNotes(diagnostics),
  };
}

/**
 * An alias that points outside the root is noted once: a project's configs inherit it along
 * their `extends` chain (`tsconfig.app.json` → `tsconfig.json` → the workspace's base), and
 * each config read said it again.
 */
function withoutRepeatedAliasNotes(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    if (diagnostic.code !== 'alias-outside-root') return true;
    if (seen.has(diagnostic.message)) return false;
    seen.add(diagnostic.message);
    return true;
  });
}

function resolveRoot(rootArgument: string): string {
  const absolute = path.resolve(rootArgument);
  let stats: fs.Stats;
  try {
    stats = fs.statSync(absolute);
  } catch {
    throw new UsageError(`path not found: ${rootArgument}`);
  }
  if (!stats.isDirectory()) throw new UsageError(`not a directory: ${rootArgument} (give the project folder)`);
  return fs.realpathSync(absolute);
}

function findRootConfig(root: string, explicit: string | null): string | null {
  if (explicit) {
    const file = path.resolve(explicit);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`tsconfig not found: ${explicit}`);
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch {
      throw new UsageError(`tsconfig not readable: ${explicit}`);
    }
    return file;
  }
  for (let directory = root; ; directory = path.dirname(directory)) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const candidate = path.join(directory, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    if (path.dirname(directory) === directory || fs.existsSync(path.join(directory, '.git'))) return null;
  }
}

/**
 * The package.json that governs a root without one of its own (`seams analyze src`): the
 * nearest above it. Its dependencies decide which ORM adapters run; without it, analysing a
 * project's `src/` found no tables at all.
 */
function findEnclosingManifest(root: string): string | null {
  if (fs.existsSync(path.join(root, 'package.json'))) return null;
  for (let directory = path.dirname(root); ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'package.json');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) return null;
  }
}
