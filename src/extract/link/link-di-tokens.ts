import type { DependencyFact } from '../facts.js';
import type { FileFacts } from '../file-facts.js';
import type { ExportIndex } from './create-export-index.js';
import { toDeclarationKey } from './declaration-keys.js';

/**
 * Links `@Inject(TOKEN)` to what provides TOKEN: the class behind `useClass`/`useExisting`
 * (where the injected behaviour lives), else the module that declares a `useFactory` or
 * `useValue` provider. String tokens match by value; an identifier token matches by the
 * declaration it resolves to, wherever it was imported from, or by its value when that
 * declaration is a string constant.
 */
export function linkDiTokens(files: FileFacts[], exportIndex: ExportIndex, constants: ReadonlyMap<string, string>): DependencyFact[] {
  // `sym:TYPES.Mailer` is the member Mailer of whatever TYPES resolves to; a string constant
  // (`DATA_SOURCE = 'DATA_SOURCE'`, here or imported) is its string, which is what a container compares.
  const toKey = (file: string, token: string): string => {
    if (!token.startsWith('sym:')) return token;
    const key = toDeclarationKey(exportIndex, file, token.slice(4));
    const value = constants.get(key);
    return value === undefined ? `sym:${key}` : `str:${value}`;
  };
  const providers = new Map<string, Set<string>>();
  for (const facts of files) {
    for (const provided of facts.diProvides) {
      const key = toKey(facts.path, provided.token);
      const set = providers.get(key) ?? new Set<string>();
      const implementation = provided.implementation ? exportIndex.resolveLocal(facts.path, provided.implementation) : null;
      set.add(implementation ? implementation.file : facts.path);
      providers.set(key, set);
    }
  }
  const dependencies: DependencyFact[] = [];
  for (const facts of files) {
    for (const injected of facts.diInjects) {
      for (const provider of providers.get(toKey(facts.path, injected.token)) ?? []) {
        if (provider !== facts.path) {
          dependencies.push({ from: facts.path, to: provider, kind: 'di', line: injected.line, names: [] });
        }
      }
    }
  }
  return dependencies;
}
