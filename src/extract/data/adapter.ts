import type { Workspace } from '../../load/workspace.js';
import type { FileVisitor } from '../visitor.js';

/** A model that is declared outside TypeScript (schema.prisma), known before any file is walked. */
export interface DeclaredModel {
  orm: string;
  modelName: string;
  table: string;
  kind: 'table' | 'collection';
  file: string;
  line: number;
}

/**
 * One ORM or query style. `detect` runs once on the main thread and returns serializable
 * options (or null when the library is absent, so it costs nothing); `createVisitor` runs in
 * every extract worker and contributes data-access facts to the shared walk.
 */
export interface DataAdapter<Options = unknown> {
  name: string;
  detect(workspace: Workspace): Options | null;
  createVisitor(options: Options): FileVisitor;
  /** Models declared in schema files, which `{ kind: 'model' }` references resolve against. */
  getDeclaredModels?(options: Options): DeclaredModel[];
}

export function hasDependency(workspace: Workspace, ...names: string[]): boolean {
  return names.some((name) => workspace.dependencies.includes(name));
}
