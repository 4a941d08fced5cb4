import type { Analysis, FileEdge, Service } from '../types.js';
import { compareStrings, round, uniqueSorted } from '../util/sort.js';
import { findFindings } from './findings/index.js';
import { getApiSurfaces } from './get-api-surface.js';
import { getServiceDependencies } from './get-service-dependencies.js';
import { getServiceMetrics } from './get-service-metrics.js';
import { getTables } from './get-tables.js';
import { computeInterCallPercentage } from './metrics/compute-inter-call-percentage.js';
import { computeInterfaceNumber } from './metrics/compute-interface-number.js';
import { computeModularity } from '../graph/compute-modularity.js';
import { computeNonExtremeDistribution } from './metrics/compute-non-extreme-distribution.js';
import { computeStructuralModularity } from './metrics/compute-structural-modularity.js';
import { computeTurboMq } from './metrics/compute-turbo-mq.js';
import { getFileEdges, type MeasureInput } from './service-view.js';

export type { MeasureInput } from './service-view.js';

export type Measurement = Pick<
  Analysis,
  'services' | 'files' | 'edges' | 'dependencies' | 'tables' | 'dataAccesses' | 'findings' | 'metrics'
>;

/** Metrics and findings: pure functions of the graph and the decomposition. */
export function measure(input: MeasureInput): Measurement {
  const { facts, decomposition, graph, options } = input;
  const edges = getFileEdges(input);
  const tables = getTables(input);
  const apiSurfaces = getApiSurfaces(edges);
  const serviceEdges = edges.filter(
    (edge): edge is typeof edge & { fromService: string; toService: string } => !!edge.fromService && !!edge.toService,
  );

  const serviceMetrics = getServiceMetrics(
    new Map(decomposition.services.map((service) => [service.id, service.files.length])),
    edges,
  );
  const topFiles = getTopFiles(decomposition.services, edges);
  const services: Service[] = decomposition.services.map((service) => ({
    id: service.id,
    name: service.name,
    files: service.files,
    size: service.files.length,
    confidence: service.confidence,
    tables: tables.filter((table) => table.owner === service.id).map((table) => table.name),
    topFiles: topFiles.get(service.id) ?? [],
    metrics: serviceMetrics.get(service.id)!,
    apiSurface: apiSurfaces.get(service.id) ?? [],
  }));

  const accessesByFile = new Map<string, Map<string, Set<'read' | 'write'>>>();
  for (const access of facts.accesses) {
    const byTable = accessesByFile.get(access.file) ?? new Map<string, Set<'read' | 'write'>>();
    const kinds = byTable.get(access.table) ?? new Set();
    kinds.add(access.access);
    byTable.set(access.table, kinds);
    accessesByFile.set(access.file, byTable);
  }
  const files = facts.files.map((file) => {
    const assignment = decomposition.assignments.get(file.path)!;
    const fileTables = [...(accessesByFile.get(file.path) ?? new Map()).entries()]
      .map(([name, kinds]) => ({ name, access: [...kinds].sort(compareStrings) }))
      .sort((a, b) => compareStrings(a.name, b.name));
    return {
      path: file.path,
      service: assignment.service,
      role: assignment.role,
      confidence: assignment.confidence,
      placement: assignment.placement,
      lines: file.lines,
      fanIn: graph.inNeighbors(file.path).filter((n) => graph.getNodeAttribute(n, 'type') === 'file').length,
      fanOut: graph.outNeighbors(file.path).filter((n) => graph.getNodeAttribute(n, 'type') === 'file').length,
      tables: fileTables,
      externalWorkspaceImports: file.externalWorkspaceImports,
    };
  });

  const fileEdges: FileEdge[] = edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    kinds: edge.kinds as FileEdge['kinds'],
    weight: round(edge.weight, 3),
    line: edge.line,
  }));
  const sizes = new Map(services.map((service) => [service.id, service.size]));
  const findings = findFindings({ ...input, edges, tables, services });
  const modularity = computeModularity(
    serviceEdges.map((edge) => ({ source: edge.from, target: edge.to, weight: edge.weight })),
    (node) => decomposition.assignments.get(node)?.service ?? null,
  );
  return {
    services,
    files,
    edges: fileEdges,
    dependencies: getServiceDependencies(edges),
    tables,
    dataAccesses: [...facts.accesses]
      .map(({ file, line, table, access, via }) => ({ file, line, table, access, via }))
      .sort(
        (a, b) =>
          compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.table, b.table) || compareStrings(a.access, b.access),
      ),
    findings,
    metrics: {
      modularity: round(modularity),
      sm: round(computeStructuralModularity(sizes, serviceEdges)),
      icp: round(computeInterCallPercentage(serviceEdges)),
      ifn: round(computeInterfaceNumber(services.map((service) => service.apiSurface.length))),
      ned: round(computeNonExtremeDistribution(services.map((service) => service.size), options.nedBand)),
      mq: round(computeTurboMq([...sizes.keys()], serviceEdges)),
      crossServiceEdges: serviceEdges.filter((edge) => edge.fromService !== edge.toService).length,
      sharedTables: tables.filter((table) => table.shared).length,
      crossServiceTransactions: findings.filter((finding) => finding.kind === 'cross-service-transaction').length,
    },
  };
}

/** The files with most dependencies inside their own service: what a reader should open first. */
function getTopFiles(
  services: { id: string; files: string[] }[],
  edges: { from: string; to: string; fromService: string | null; toService: string | null }[],
): Map<string, string[]> {
  const degree = new Map<string, number>();
  for (const edge of edges) {
    if (edge.fromService && edge.fromService === edge.toService) {
      degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
      degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
    }
  }
  return new Map(
    services.map((service) => [
      service.id,
      uniqueSorted(service.files)
        .sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || compareStrings(a, b))
        .slice(0, 5),
    ]),
  );
}
