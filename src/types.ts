/**
 * The Analysis object: the contract between the core and every renderer, the trend store and
 * users' scripts. `schema/analysis.schema.json` is generated from these types; bump
 * SCHEMA_VERSION on any breaking change.
 */
export const SCHEMA_VERSION = 1;

export type Severity = 'high' | 'medium' | 'low' | 'info';
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** How one file depends on another. */
export type DependencyKind = 'import' | 'type' | 'dynamic' | 'require' | 'di';
/** Edge kinds in the graph: file dependencies plus file → table and file → state edges. */
export type EdgeKind = DependencyKind | 'read' | 'write' | 'declare' | 'state' | 'name' | 'folder';

export type DataAccessKind = 'read' | 'write';

export interface Diagnostic {
  code: string;
  severity: DiagnosticSeverity;
  file?: string;
  line?: number;
  message: string;
}

export interface Location {
  file: string;
  line: number;
}

export interface AnalysisOptions {
  seed: number;
  seeds: number;
  /** Louvain resolution; null chooses it from the graph's size (src/cluster/choose-resolution.ts). */
  resolution: number | null;
  targetServices: number | null;
  minServiceSize: number;
  includeTests: boolean;
  include: string[];
  exclude: string[];
  sharedKernel: { include: string[]; exclude: string[]; minFanInRatio: number };
  weights: Record<EdgeKind, number>;
  maxFileSize: number;
  tsconfig: string | null;
  /** Service sizes (in files) that NED counts as neither too small nor too large. */
  nedBand: [number, number];
  /** Path glob → service name: matching files go to that service whatever the clustering says. */
  pins: Record<string, string>;
  /** Lists of globs whose files are kept in one service. */
  groups: string[][];
  /** Generated service id → the name the team uses (both the id and the name change). */
  serviceNames: Record<string, string>;
}

export interface FileEntry {
  path: string;
  /** The service id, or null for shared-kernel and unassigned files. */
  service: string | null;
  role: 'service' | 'shared' | 'unassigned';
  /** 0..1: how consistently this file lands with the same files across seeds. */
  confidence: number;
  /**
   * How the file was placed: by clustering, attached by its folder neighbours, or pinned by
   * config; `table-owner` for an entity file set aside while clustering for its many users and
   * then given to the service that writes its table; `schema-history` for a migration or seed,
   * which belongs to no service.
   */
  placement: 'cluster' | 'folder' | 'pinned' | 'table-owner' | 'shared' | 'schema-history' | 'none';
  lines: number;
  fanIn: number;
  fanOut: number;
  tables: { name: string; access: DataAccessKind[] }[];
  /** Imports that leave the analysed root into other workspace packages. */
  externalWorkspaceImports: string[];
}

export interface ServiceMetrics {
  size: number;
  cohesion: number;
  coupling: number;
  efferent: number;
  afferent: number;
  instability: number;
}

export interface Service {
  id: string;
  name: string;
  files: string[];
  size: number;
  confidence: number;
  tables: string[];
  topFiles: string[];
  metrics: ServiceMetrics;
  /** Exported symbols of this service that files of other services use. */
  apiSurface: { file: string; symbol: string; usedBy: string[] }[];
}

export interface SharedKernelEntry {
  path: string;
  reason: string;
}

export interface ServiceDependency {
  from: string;
  to: string;
  edges: number;
  weight: number;
  kinds: Partial<Record<EdgeKind, number>>;
}

export interface FileEdge {
  from: string;
  to: string;
  kinds: DependencyKind[];
  weight: number;
  line: number;
}

export interface TableAccessor {
  service: string | null;
  files: string[];
  reads: number;
  writes: number;
}

export interface Table {
  name: string;
  kind: 'table' | 'collection';
  declaredIn: Location[];
  owner: string | null;
  accessors: TableAccessor[];
  shared: boolean;
}

export interface DataAccess {
  file: string;
  line: number;
  table: string;
  access: DataAccessKind;
  via: string;
}

export interface Finding {
  id: string;
  kind: string;
  severity: Severity;
  message: string;
  locations: Location[];
  evidence: string[];
  suggestion: string;
  services: string[];
}

export interface Metrics {
  modularity: number;
  sm: number;
  icp: number;
  ifn: number;
  ned: number;
  mq: number;
  crossServiceEdges: number;
  sharedTables: number;
  crossServiceTransactions: number;
}

/** One step of the strangler-fig plan: the cheaper a service is to carve out, the earlier. */
export interface ExtractionStep {
  rank: number;
  service: string;
  /** cost = crossServiceEdges + 3·sharedTables + 5·crossServiceTransactions + 5·cycles (see src/measure/get-extraction-order.ts). */
  cost: number;
  crossServiceEdges: number;
  sharedTables: number;
  crossServiceTransactions: number;
  cycles: number;
}

/** With --services N: how the number of services and modularity change with the resolution. */
export interface CurvePoint {
  resolution: number;
  services: number;
  modularity: number;
}

export interface Analysis {
  schemaVersion: number;
  tool: { name: 'seams'; version: string };
  root: string;
  options: AnalysisOptions;
  summary: {
    files: number;
    services: number;
    sharedKernel: number;
    unassigned: number;
    edges: number;
    tables: number;
    findings: Record<Severity, number>;
    diagnostics: number;
    unresolvedImports: number;
  };
  services: Service[];
  sharedKernel: SharedKernelEntry[];
  unassigned: string[];
  files: FileEntry[];
  edges: FileEdge[];
  dependencies: ServiceDependency[];
  tables: Table[];
  dataAccesses: DataAccess[];
  findings: Finding[];
  metrics: Metrics;
  /** Services ranked from cheapest to costliest to extract. */
  extractionOrder: ExtractionStep[];
  /** Present only when a target number of services was asked for (--services). */
  curve?: CurvePoint[];
  diagnostics: Diagnostic[];
  /** Present only with --timings: the one part of the output that varies between runs. */
  run?: { durationMs: number; timings: { stage: string; ms: number; heapMb: number }[] };
}
