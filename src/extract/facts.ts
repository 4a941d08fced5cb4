import type { DataAccess, DependencyKind, Diagnostic, Location } from '../types.js';
import type { StateFactKind } from './file-facts.js';

/** One dependency occurrence between two analysed files, after barrels are looked through. */
export interface DependencyFact {
  from: string;
  to: string;
  kind: DependencyKind;
  line: number;
  /** Exported names of `to` that `from` uses; empty when the whole module is used. */
  names: string[];
}

export interface DataAccessFact extends DataAccess {
  queryId?: string;
  transactionId?: string;
}

export interface TableFact {
  name: string;
  kind: 'table' | 'collection';
  declaredIn: Location[];
}

export interface StateFact {
  file: string;
  kind: StateFactKind;
  name: string;
  line: number;
  detail?: string;
  /** The emitter the code made itself that an event goes through (`file#name`); absent for a shared bus. */
  channel?: string;
}

export interface FileSummary {
  path: string;
  lines: number;
  analysed: boolean;
  externalWorkspaceImports: string[];
}

/** What the extract stage hands to the graph stage: every fact, linked across files. */
export interface Facts {
  files: FileSummary[];
  dependencies: DependencyFact[];
  accesses: DataAccessFact[];
  tables: TableFact[];
  state: StateFact[];
  unresolvedImports: number;
  diagnostics: Diagnostic[];
}
