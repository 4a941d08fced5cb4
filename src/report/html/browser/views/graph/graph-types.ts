import type Graph from 'graphology';
import type { GroupKey } from '../../report-index.js';

export type NodeKind = 'service' | 'kernel' | 'unassigned' | 'table' | 'file';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: NodeKind;
  /** Index into services, tables or files; for kernel and unassigned, the group key. */
  ref: number | GroupKey;
  /** The full name to search and show: service name, table name or file path. */
  name: string;
  /** Drawn outside the focused group (a neighbour in another service). */
  outside?: boolean;
}

export type EdgeKind = 'dependency' | 'read' | 'write' | 'readWrite' | 'inner' | 'outgoing' | 'incoming';

export interface EdgeAttributes {
  size: number;
  color: string;
  type: 'arrow' | 'line';
  kind: EdgeKind;
  /** Index into analysis.dependencies or analysis.edges, or the table index for access edges. */
  ref: number;
}

export type ReportGraph = Graph<NodeAttributes, EdgeAttributes>;
