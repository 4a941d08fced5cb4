import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { toPosix } from '../util/paths.js';
import { type PackageJson, readPackageJson } from './read-package-json.js';
import { SKIPPED_FOLDERS } from './source-extensions.js';

export interface WorkspacePackage {
  name: string;
  directory: string;
  manifest: PackageJson;
}

export interface WorkspaceLayout {
  /** The folder that declares the workspaces (may be above the analysed root), or null. */
  workspaceRoot: string | null;
  packages: WorkspacePackage[];
}

/**
 * Finds npm/yarn (`workspaces` in package.json), pnpm (`pnpm-workspace.yaml`) and lerna
 * (`lerna.json`) workspaces, searching upwards from the analysed root so that analysing one
 * package of a monorepo still knows its siblings.
 */
export function findWorkspacePackages(root: string): WorkspaceLayout {
  for (let directory = root; ; directory = path.dirname(directory)) {
    const patterns = readWorkspacePatterns(directory);
    if (patterns.length > 0) return { workspaceRoot: directory, packages: expandPatterns(directory, patterns) };
    if (path.dirname(directory) === directory) break;
  }
  return { workspaceRoot: null, packages: [] };
}

function readWorkspacePatterns(directory: string): string[] {
  const manifest = readPackageJson(path.join(directory, 'package.json'));
  const fromManifest = Array.isArray(manifest?.workspaces)
    ? manifest.workspaces
    : Array.isArray(manifest?.workspaces?.packages)
      ? manifest.workspaces.packages
      : [];
  const fromPnpm = readPnpmPatterns(path.join(directory, 'pnpm-workspace.yaml'));
  const lerna = readLernaPatterns(path.join(directory, 'lerna.json'));
  return [...fromManifest, ...fromPnpm, ...lerna].filter((p): p is string => typeof p === 'string');
}

/** pnpm-workspace.yaml's `packages:` list is all seams needs, so a line reader serves. */
function readPnpmPatterns(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^packages\s*:/.test(line)) {
      inPackages = true;
      continue;
    }
    if (inPackages) {
      const item = /^\s+-\s*['"]?([^'"#]+?)['"]?\s*(#.*)?$/.exec(line);
      if (item?.[1]) patterns.push(item[1]);
      else if (/^\S/.test(line)) inPackages = false;
    }
  }
  return patterns;
}

function readLernaPatterns(file: string): string[] {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as { packages?: unknown };
    return Array.isArray(value.packages) ? value.packages.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function expandPatterns(workspaceRoot: string, patterns: string[]): WorkspacePackage[] {
  const positive = patterns.filter((p) => !p.startsWith('!')).map(normalizePattern);
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => normalizePattern(p.slice(1)));
  const isIncluded = picomatch(positive);
  const isExcluded = negative.length > 0 ? picomatch(negative) : () => false;
  const maxDepth = Math.max(...positive.map((p) => (p.includes('**') ? 6 : p.split('/').length)));
  const packages: WorkspacePackage[] = [];
  const pending: { directory: string; depth: number }[] = [{ directory: workspaceRoot, depth: 0 }];
  while (pending.length > 0) {
    const { directory, depth } = pending.pop()!;
    if (depth >= maxDepth) continue;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.')) continue;
      const absolute = path.join(directory, entry.name);
      const relative = toPosix(path.relative(workspaceRoot, absolute));
      if (isIncluded(relative) && !isExcluded(relative)) {
        const manifest = readPackageJson(path.join(absolute, 'package.json'));
        if (manifest?.name) packages.push({ name: manifest.name, directory: absolute, manifest });
      }
      pending.push({ directory: absolute, depth: depth + 1 });
    }
  }
  return packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function normalizePattern(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}
