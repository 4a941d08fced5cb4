import type { DependencyKind, Diagnostic } from '../../types.js';
import type { DependencyFact } from '../facts.js';
import type { FileFacts, RawDependency } from '../file-facts.js';
import type { ExportIndex } from './create-export-index.js';

export interface LinkedDependencies {
  dependencies: DependencyFact[];
  externalWorkspaceImports: Map<string, string[]>;
  unresolved: Diagnostic[];
}

/**
 * Turns each file's resolved imports into file-to-file dependencies. A named import goes to the
 * file that declares the name (through any number of barrels), and so does each member used of a
 * namespace, `require()` or object-barrel binding (`services.users`, `sdk.tables`); a member that
 * resolves nowhere goes to the module imported. A namespace used whole, or a side-effect import,
 * goes to the module itself.
 */
export function linkDependencies(files: FileFacts[], exportIndex: ExportIndex): LinkedDependencies {
  const dependencies: DependencyFact[] = [];
  const externalWorkspaceImports = new Map<string, string[]>();
  const unresolved: Diagnostic[] = [];
  // One import statement may record two dependencies (`import { Client, type Row } from …`): one diagnostic.
  const reported = new Set<string>();
  for (const facts of files) {
    if (facts.loadsOwnFolder) {
      for (const target of exportIndex.getLoadedFiles(facts.path)) pushDependency(dependencies, facts.path, target, 'dynamic', facts.loadsOwnFolder, []);
    }
    for (const dependency of facts.dependencies) {
      const target = dependency.target;
      if (target.kind === 'unresolved') {
        if (dependency.kind === 'di') continue;
        const key = `${facts.path}\0${dependency.line}\0${dependency.specifier}`;
        if (reported.has(key)) continue;
        reported.add(key);
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
      if (dependency.members) pushMemberDependencies(dependencies, facts.path, dependency, target.path, exportIndex);
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

function pushMemberDependencies(
  dependencies: DependencyFact[],
  from: string,
  dependency: RawDependency,
  imported: string,
  exportIndex: ExportIndex,
): void {
  const byTarget = new Map<string, { file: string; kind: DependencyKind; names: string[] }>();
  for (const member of dependency.members ?? []) {
    const location = exportIndex.findMember(imported, member.name, member.path);
    const kind = member.typeOnly ? 'type' : dependency.kind;
    const file = location?.file ?? imported;
    const name = location ? location.name : member.name === '*' ? member.path[0] : member.name;
    const key = `${kind}\0${file}`;
    let entry = byTarget.get(key);
    if (!entry) {
      entry = { file, kind, names: [] };
      byTarget.set(key, entry);
    }
    if (name !== undefined && name !== '*' && !entry.names.includes(name)) entry.names.push(name);
  }
  for (const { file, kind, names } of byTarget.values()) pushDependency(dependencies, from, file, kind, dependency.line, names);
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
