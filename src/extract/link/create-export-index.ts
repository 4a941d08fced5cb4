import type { FileFacts } from '../file-facts.js';

export interface SymbolLocation {
  file: string;
  /** The declared name, or `*` for the module object itself. */
  name: string;
}

export interface ExportIndex {
  /** Follows re-exports and `export *` to the file that declares `name`; null if none does. */
  findDeclaration(file: string, name: string): SymbolLocation | null;
  /** What a local name in `file` refers to: through its import binding, or the file itself. */
  resolveLocal(file: string, local: string): SymbolLocation;
  getTargetOf(file: string, specifier: string): string | null;
}

const MAX_DEPTH = 64;

/**
 * Attributes names imported through barrels to their declaring file, so that an `index.ts`
 * re-exporting a whole module does not become a hub that glues every importer together.
 */
export function createExportIndex(files: FileFacts[]): ExportIndex {
  const byPath = new Map(files.map((facts) => [facts.path, facts]));
  const targets = new Map<string, Map<string, string>>();
  const localExports = new Map<string, Set<string>>();
  const bindings = new Map<string, Map<string, { imported: string; specifier: string }>>();
  for (const facts of files) {
    const specifierTargets = new Map<string, string>();
    for (const dependency of facts.dependencies) {
      if (dependency.target.kind === 'file') specifierTargets.set(dependency.specifier, dependency.target.path);
    }
    targets.set(facts.path, specifierTargets);
    localExports.set(facts.path, new Set(facts.localExports));
    bindings.set(facts.path, new Map(facts.bindings.map((b) => [b.local, { imported: b.imported, specifier: b.specifier }])));
  }
  const getTargetOf = (file: string, specifier: string) => targets.get(file)?.get(specifier) ?? null;
  const memo = new Map<string, SymbolLocation | null>();

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
      }
    }
    memo.set(key, found);
    return found;
  };

  const resolveLocal = (file: string, local: string): SymbolLocation => {
    const binding = bindings.get(file)?.get(local);
    if (!binding) return { file, name: local };
    const target = getTargetOf(file, binding.specifier);
    if (!target) return { file, name: local };
    return findDeclaration(target, binding.imported) ?? { file: target, name: binding.imported };
  };

  return { findDeclaration: (file, name) => findDeclaration(file, name), resolveLocal, getTargetOf };
}
