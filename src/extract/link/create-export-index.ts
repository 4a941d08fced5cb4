import type { FileFacts, ObjectMember } from '../file-facts.js';

export interface SymbolLocation {
  file: string;
  /** The declared name, or `*` for the module object itself. */
  name: string;
}

export interface ExportIndex {
  /** Follows re-exports, `export *` and CommonJS object exports to the file that declares `name`; null if none does. */
  findDeclaration(file: string, name: string): SymbolLocation | null;
  /**
   * Follows `name` exported by `file`, then each property of `path` in turn: a module's exports
   * (`ns.users`) and the properties of object barrels (`sdk.tables` → the import `tables` is bound
   * to → the file that declares it). Stops at the last step that resolves; null if `name` does not.
   */
  findMember(file: string, name: string, path: readonly string[]): SymbolLocation | null;
  /** What a local name in `file` refers to: through its import binding, or the file itself. */
  resolveLocal(file: string, local: string): SymbolLocation;
  getTargetOf(file: string, specifier: string): string | null;
  /** The files a folder loader requires by computed name (every other file of its folder); empty for any other file. */
  getLoadedFiles(file: string): string[];
}

const MAX_DEPTH = 64;

/**
 * Attributes names imported through barrels to their declaring file, so that an `index.ts`
 * re-exporting a whole module, or exporting an object of imported modules, does not become a hub
 * that glues every importer together.
 */
export function createExportIndex(files: FileFacts[]): ExportIndex {
  const byPath = new Map(files.map((facts) => [facts.path, facts]));
  const targets = new Map<string, Map<string, string>>();
  const localExports = new Map<string, Set<string>>();
  const bindings = new Map<string, Map<string, { imported: string; specifier: string }>>();
  const objectExports = new Map<string, Map<string, ObjectMember[]>>();
  for (const facts of files) {
    const specifierTargets = new Map<string, string>();
    for (const dependency of facts.dependencies) {
      if (dependency.target.kind === 'file') specifierTargets.set(dependency.specifier, dependency.target.path);
    }
    targets.set(facts.path, specifierTargets);
    localExports.set(facts.path, new Set(facts.localExports));
    bindings.set(facts.path, new Map(facts.bindings.map((b) => [b.local, { imported: b.imported, specifier: b.specifier }])));
    if (facts.objectExports.length > 0) {
      objectExports.set(facts.path, new Map(facts.objectExports.map((object) => [object.exported, object.members])));
    }
  }
  const getTargetOf = (file: string, specifier: string) => targets.get(file)?.get(specifier) ?? null;
  const folderLoaders = findFolderLoaderMembers(files);
  const memo = new Map<string, SymbolLocation | null>();
  const memberMemo = new Map<string, SymbolLocation | null>();

  const findDeclaration = (file: string, name: string, depth = 0, seen = new Set<string>()): SymbolLocation | null => {
    if (name === '*') return { file, name };
    const key = `${file}\0${name}`;
    if (memo.has(key)) return memo.get(key)!;
    if (depth > MAX_DEPTH || seen.has(key)) return null;
    seen.add(key);
    const facts = byPath.get(file);
    let found: SymbolLocation | null = null;
    if (!facts) found = null;
    else if (localExports.get(file)?.has(name)) found = { file, name };
    else {
      const reExport = facts.reExports.find((entry) => entry.exported === name);
      if (reExport) {
        const target = getTargetOf(file, reExport.specifier);
        found = target ? findDeclaration(target, reExport.imported, depth + 1, seen) ?? { file: target, name: reExport.imported } : null;
      } else if (name !== 'default') {
        for (const specifier of facts.starExports) {
          const target = getTargetOf(file, specifier);
          found = target ? findDeclaration(target, name, depth + 1, seen) : null;
          if (found) break;
        }
        // CommonJS: `module.exports = { Post: require('./post') }` exports Post.
        found ??= findObjectMember(file, '*', name, depth + 1, seen);
        // A folder loader exports what it loads under names only known at run time.
        if (!found) {
          const loaded = folderLoaders.get(file)?.get(toLoaderKey(name));
          if (loaded) found = { file: loaded, name: '*' };
        }
      }
    }
    memo.set(key, found);
    return found;
  };

  /** `key` of the object `file` exports as `exported`, later properties first (they win in JavaScript). */
  const findObjectMember = (file: string, exported: string, key: string, depth: number, seen: Set<string>): SymbolLocation | null => {
    const members = objectExports.get(file)?.get(exported);
    if (!members || depth > MAX_DEPTH) return null;
    for (let index = members.length - 1; index >= 0; index--) {
      const member = members[index]!;
      if (member.key !== null && member.key !== key) continue;
      const target = getTargetOf(file, member.specifier);
      const value = target ? (findDeclaration(target, member.imported, depth + 1, seen) ?? { file: target, name: member.imported }) : null;
      if (member.key !== null) return value;
      const spread = value ? findMemberOf(value, key, depth + 1, seen) : null;
      if (spread) return spread;
    }
    return null;
  };

  /** Property `key` of what `location` names: an export of a module, or a property of an object export. */
  const findMemberOf = (location: SymbolLocation, key: string, depth: number, seen: Set<string>): SymbolLocation | null => {
    if (location.name === '*') return findDeclaration(location.file, key, depth + 1, seen);
    const found = findObjectMember(location.file, location.name, key, depth + 1, seen);
    if (found || location.name !== 'default' || localExports.get(location.file)?.has('default')) return found;
    // The default import of a CommonJS module is its `module.exports`.
    return findDeclaration(location.file, key, depth + 1, seen);
  };

  const findMember = (file: string, name: string, path: readonly string[]): SymbolLocation | null => {
    const key = `${file}\0${name}\0${path.join('\0')}`;
    if (memberMemo.has(key)) return memberMemo.get(key)!;
    let location = findDeclaration(file, name) ?? (name === 'default' ? { file, name: '*' } : null);
    for (let step = 0; location && step < path.length; step++) {
      const next = findMemberOf(location, path[step]!, 0, new Set());
      if (!next) break;
      location = next;
    }
    memberMemo.set(key, location);
    return location;
  };

  const resolveLocal = (file: string, local: string): SymbolLocation => {
    const binding = bindings.get(file)?.get(local);
    if (!binding) return { file, name: local };
    const target = getTargetOf(file, binding.specifier);
    if (!target) return { file, name: local };
    // The default import of a module with no default export (`import User from './user'` of a
    // CommonJS file) is its module.exports.
    return findDeclaration(target, binding.imported) ?? { file: target, name: binding.imported === 'default' ? '*' : binding.imported };
  };

  const getLoadedFiles = (file: string): string[] => [...new Set(folderLoaders.get(file)?.values() ?? [])].sort();
  return { findDeclaration: (file, name) => findDeclaration(file, name), findMember, resolveLocal, getTargetOf, getLoadedFiles };
}

/** Roles a model file's name may end with: `user.model.js`, `order-item.schema.js`. */
const MODEL_FILE_SUFFIX = /[.-](model|schema|entity)$/i;

/**
 * For each folder loader (sequelize-cli's `models/index.js`: `db[model.name] = require(file)(…)`),
 * the files it loads by the member name they are used under: sequelize-cli names
 * `models/orderitem.js` after the model `OrderItem`, so `db.OrderItem` and `const { OrderItem } =
 * require('../models')` match the file whose name, letters and digits only, is the member's.
 */
function findFolderLoaderMembers(files: FileFacts[]): Map<string, Map<string, string>> {
  const loaders = new Map<string, Map<string, string>>();
  const folderOf = (file: string) => file.slice(0, Math.max(0, file.lastIndexOf('/')));
  const loaderFolders = new Map<string, string>();
  for (const facts of files) if (facts.loadsOwnFolder) loaderFolders.set(folderOf(facts.path), facts.path);
  if (loaderFolders.size === 0) return loaders;
  for (const facts of files) {
    const loader = loaderFolders.get(folderOf(facts.path));
    if (!loader || loader === facts.path) continue;
    const stem = facts.path.slice(facts.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '').replace(MODEL_FILE_SUFFIX, '');
    const members = loaders.get(loader) ?? new Map<string, string>();
    members.set(toLoaderKey(stem), facts.path);
    loaders.set(loader, members);
  }
  return loaders;
}

/** `OrderItem`, `orderitem`, `order-item`, `order_item` → orderitem. */
function toLoaderKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
