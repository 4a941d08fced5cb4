import type { Diagnostic } from '../types.js';
import type { SourceFileEntry } from './find-files.js';
import type { WorkspacePackage } from './find-workspace-packages.js';
import type { ResolverConfig } from './read-tsconfig.js';

/** Everything later stages know about the project on disk; plain data, so workers can share it. */
export interface Workspace {
  root: string;
  files: SourceFileEntry[];
  /** Parsed tsconfigs; `configOfFile[i]` is the index of the config that governs `files[i]`, or -1. */
  configs: ResolverConfig[];
  configOfFile: number[];
  packages: WorkspacePackage[];
  /** Folders of Nx projects (a `project.json`): units the authors chose, like workspace packages. */
  projectFolders: string[];
  /** Names of all dependencies declared by the package.json files that govern the analysed code. */
  dependencies: string[];
  /** Non-source files adapters read as data (schema.prisma and similar), relative path → text. */
  dataFiles: Record<string, string>;
  diagnostics: Diagnostic[];
}
