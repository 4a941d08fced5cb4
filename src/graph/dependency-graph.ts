import type { DirectedGraph } from 'graphology';
import type { DependencyKind, EdgeKind } from '../types.js';

export type NodeType = 'file' | 'table' | 'state';

export interface NodeAttributes {
  type: NodeType;
  /** File path, table name or state name. */
  label: string;
  lines?: number;
}

export interface EdgeAttributes {
  kinds: EdgeKind[];
  weight: number;
  /** First line in the source file where the dependency appears. */
  line: number;
  /** Names used through this edge (for the API surface). */
  names: string[];
}

export type DependencyGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

export interface SharedKernelFile {
  path: string;
  reason: string;
}

export interface GraphResult {
  graph: DependencyGraph;
  sharedKernel: SharedKernelFile[];
}

export const FILE_DEPENDENCY_KINDS: DependencyKind[] = ['import', 'type', 'dynamic', 'require', 'di'];

export function toTableNode(table: string): string {
  return `table:${table}`;
}

export function toStateNode(kind: string, name: string): string {
  return `state:${kind}:${name}`;
}
