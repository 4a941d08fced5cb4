import type { Diagnostic } from '../../types.js';
import type { DependencyFact } from '../facts.js';
import type { FileFacts } from '../file-facts.js';
import type { ExportIndex } from './create-export-index.js';

export interface LinkedDependencies {
  dependencies: DependencyFact[];
  externalWorkspaceImports: Map<string, string[]>;
  unresolved: Diagnostic[];
}

/**
 * Turns each file's resolved imports into file-to-file dependencies. A named import goes to the
 * file that declares the name (through any number of barrels); a namespace or side-effect
 * import goes to the module itself.
 */
export function linkDependencies(files: FileFacts[], exportIndex: ExportIndex): LinkedDependencies {
  const dependencies: DependencyFact[] = [];
  const externalWorkspaceImports = new Map<string, string[]>();
  const unresolved: Diagnostic[] = [];
  for (const facts of files) {
    for (const dependency of facts.dependencies) {
      const target = dependency.target;
      if (target.kind === 'unresolved') {
        if (dependency.kind === 'di') continue;
        unresolved.push({
          code: 'unresolved-import',
          severity: 'warning',
          file: facts.path,
          line: dependency.line,
          message: `cannot resolve '${dependency.specifier}'`,
        });
        continue;
      }
      if (target.kind === 'outside') {
        if (target.workspacePackage) {
          const list = externalWorkspaceImports.get(facts.path) ?? [];
          list.push(target.workspacePackage);
          externalWorkspaceImports.set(facts.path, list);
        }
        continue;
      }
      if (target.kind !== 'file') continue;
      if (dependency.names === null) {
        pushDependency(dependencies, facts.path, target.path, dependency.kind, dependency.line, []);
        continue;
      }
      const byDeclaringFile = new Map<string, string[]>();
      for (const name of dependency.names) {
        const declaration = exportIndex.findDeclaration(target.path, name);
        const file = declaration && declaration.name !== '*' ? declaration.file : (declaration?.file ?? target.path);
        const list = byDeclaringFile.get(file) ?? [];
        list.push(declaration?.name ?? name);
        byDeclaringFile.set(file, list);
      }
      for (const [file, names] of byDeclaringFile) {
        pushDependency(dependencies, facts.path, file, dependency.kind, dependency.line, names);
      }
    }
  }
  return { dependencies, externalWorkspaceImports, unresolved };
}

function pushDependency(
  dependencies: DependencyFact[],
  from: string,
  to: string,
  kind: DependencyFact['kind'],
  line: number,
  names: string[],
): void {
  if (from === to) return;
  dependencies.push({ from, to, kind, line, names });
}
