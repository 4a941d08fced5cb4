import type { Analysis, FileEdge, Service } from '../types.js';
import { UsageError } from '../util/errors.js';
import { compareStrings } from '../util/sort.js';

export interface ServiceDetail {
  service: Service;
  /** The service's files, in path order. */
  files: string[];
  /** Files of other groups that the service's files use or are used by, by group (service id, or null for the kernel and unassigned files), groups and files in order. */
  neighbours: { service: string | null; files: string[] }[];
  /** Edges inside the service. */
  inner: FileEdge[];
  /** Edges with one end in the service and one outside. */
  crossing: FileEdge[];
  /** A short node id per file drawn (`f0`, `f1`, …): the service's files first, then the neighbours'. */
  nodeIds: Map<string, string>;
}

/** Finds a service by id or, failing that, by name; the error lists what exists. */
export function findService(analysis: Analysis, wanted: string): Service {
  const found = analysis.services.find((service) => service.id === wanted) ?? analysis.services.find((service) => service.name === wanted);
  if (found) return found;
  const names = analysis.services.map((service) => service.id).join(', ') || 'none';
  throw new UsageError(`--detail: no candidate service "${wanted}" (services: ${names})`);
}

/** One service's files, its internal dependencies and every dependency that crosses its border. */
export function getServiceDetail(analysis: Analysis, wanted: string): ServiceDetail {
  const service = findService(analysis, wanted);
  const serviceOf = new Map(analysis.files.map((file) => [file.path, file.service]));
  const inside = new Set(service.files);
  const inner: FileEdge[] = [];
  const crossing: FileEdge[] = [];
  const neighbourFiles = new Map<string | null, Set<string>>();
  for (const edge of analysis.edges) {
    const fromInside = inside.has(edge.from);
    const toInside = inside.has(edge.to);
    if (fromInside && toInside) inner.push(edge);
    else if (fromInside || toInside) {
      crossing.push(edge);
      const outside = fromInside ? edge.to : edge.from;
      const group = serviceOf.get(outside) ?? null;
      const files = neighbourFiles.get(group) ?? new Set<string>();
      files.add(outside);
      neighbourFiles.set(group, files);
    }
  }
  const neighbours = [...neighbourFiles]
    .map(([group, files]) => ({ service: group, files: [...files].sort(compareStrings) }))
    .sort((a, b) => (a.service === null ? 1 : b.service === null ? -1 : compareStrings(a.service, b.service)));
  const files = [...service.files].sort(compareStrings);
  const nodeIds = new Map<string, string>();
  for (const file of [...files, ...neighbours.flatMap((group) => group.files)]) {
    if (!nodeIds.has(file)) nodeIds.set(file, `f${nodeIds.size}`);
  }
  return { service, files, neighbours, inner, crossing, nodeIds };
}
