import type { FileEdge, FileEntry, Service, Table } from '../../../types.js';
import type { GraphLayout, ReportAnalysis, ReportData } from '../report-data.js';

/** A group of files drawn as one disc: a service (by index), the shared kernel or the unassigned files. */
export type GroupKey = number | 'kernel' | 'unassigned';

/**
 * Lookups derived once from the embedded data. Maps (never plain objects) keyed by analysed
 * strings, so a service called `__proto__` or `constructor` is just a name.
 */
export interface ReportIndex {
  analysis: ReportAnalysis;
  layout: GraphLayout;
  serviceIndex: Map<string, number>;
  fileIndex: Map<string, number>;
  tableIndex: Map<string, number>;
  /** Group of each file, by file index. */
  groupOf: GroupKey[];
  /** File indices of each service, by service index, in path order. */
  serviceFiles: number[][];
  kernelFiles: number[];
  unassignedFiles: number[];
  /** Edge indices touching each file, by file index. */
  edgesOf: number[][];
}

export function createReportIndex(data: ReportData): ReportIndex {
  const { analysis, layout } = data;
  const serviceIndex = new Map(analysis.services.map((service, index) => [service.id, index]));
  const fileIndex = new Map(analysis.files.map((file, index) => [file.path, index]));
  const tableIndex = new Map(analysis.tables.map((table, index) => [table.name, index]));
  const serviceFiles: number[][] = analysis.services.map(() => []);
  const kernelFiles: number[] = [];
  const unassignedFiles: number[] = [];
  const groupOf = analysis.files.map((file, index): GroupKey => {
    const service = file.service === null ? undefined : serviceIndex.get(file.service);
    if (file.role === 'shared') {
      kernelFiles.push(index);
      return 'kernel';
    }
    if (service === undefined) {
      unassignedFiles.push(index);
      return 'unassigned';
    }
    serviceFiles[service]!.push(index);
    return service;
  });
  const edgesOf: number[][] = analysis.files.map(() => []);
  analysis.edges.forEach((edge, index) => {
    const from = fileIndex.get(edge.from);
    const to = fileIndex.get(edge.to);
    if (from !== undefined) edgesOf[from]!.push(index);
    if (to !== undefined && to !== from) edgesOf[to]!.push(index);
  });
  return { analysis, layout, serviceIndex, fileIndex, tableIndex, groupOf, serviceFiles, kernelFiles, unassignedFiles, edgesOf };
}

export function getGroupFiles(index: ReportIndex, group: GroupKey): number[] {
  if (group === 'kernel') return index.kernelFiles;
  if (group === 'unassigned') return index.unassignedFiles;
  return index.serviceFiles[group] ?? [];
}

export function getGroupName(index: ReportIndex, group: GroupKey): string {
  if (group === 'kernel') return 'shared kernel';
  if (group === 'unassigned') return 'unassigned';
  return index.analysis.services[group]?.name ?? '?';
}

export function getGroupDisc(index: ReportIndex, group: GroupKey): [number, number, number] | null {
  if (group === 'kernel') return index.layout.kernel;
  if (group === 'unassigned') return index.layout.unassigned;
  return index.layout.services[group] ?? null;
}

export function getService(index: ReportIndex, id: string | null): { service: Service; position: number } | null {
  if (id === null) return null;
  const position = index.serviceIndex.get(id);
  return position === undefined ? null : { service: index.analysis.services[position]!, position };
}

export function getFile(index: ReportIndex, path: string): { file: FileEntry; position: number } | null {
  const position = index.fileIndex.get(path);
  return position === undefined ? null : { file: index.analysis.files[position]!, position };
}

export function getTable(index: ReportIndex, name: string): { table: Table; position: number } | null {
  const position = index.tableIndex.get(name);
  return position === undefined ? null : { table: index.analysis.tables[position]!, position };
}

export function getEdges(index: ReportIndex, file: number): FileEdge[] {
  return (index.edgesOf[file] ?? []).map((edge) => index.analysis.edges[edge]!);
}
