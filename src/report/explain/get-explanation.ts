import type { Analysis, DataAccessKind, ExtractionStep, FileEntry, Finding, Service, ServiceDependency, Table } from '../../types.js';
import { UsageError } from '../../util/errors.js';
import { compareStrings, round } from '../../util/sort.js';

export interface FindingSummary {
  id: string;
  kind: string;
  severity: Finding['severity'];
  message: string;
}

export interface ServiceWeight {
  /** A service id, or `shared kernel` / `unassigned`. */
  service: string;
  weight: number;
  edges: number;
}

export interface FileNeighbour {
  file: string;
  service: string | null;
  kinds: string[];
  weight: number;
  line: number;
}

export interface FileExplanation {
  kind: 'file';
  path: string;
  service: string | null;
  role: FileEntry['role'];
  placement: FileEntry['placement'];
  confidence: number;
  /** Why the file sits where it does, in one sentence. */
  reason: string;
  lines: number;
  weightByService: ServiceWeight[];
  dependsOn: FileNeighbour[];
  usedBy: FileNeighbour[];
  tables: { name: string; access: DataAccessKind[]; owner: string | null }[];
  findings: FindingSummary[];
}

export interface TableExplanation {
  kind: 'table';
  name: string;
  tableKind: Table['kind'];
  owner: string | null;
  shared: boolean;
  declaredIn: Table['declaredIn'];
  accessors: Table['accessors'];
  accesses: { file: string; line: number; access: DataAccessKind; via: string; service: string | null }[];
  findings: FindingSummary[];
}

export interface ServiceExplanation {
  kind: 'service';
  id: string;
  name: string;
  size: number;
  confidence: number;
  files: string[];
  tables: string[];
  metrics: Service['metrics'];
  dependsOn: ServiceDependency[];
  dependedOnBy: ServiceDependency[];
  apiSurface: Service['apiSurface'];
  extraction: ExtractionStep | null;
  findings: FindingSummary[];
}

export type Explanation = FileExplanation | TableExplanation | ServiceExplanation;

/**
 * What `seams explain` says about a file, a table or a service: a pure query over the Analysis.
 * The target is a root-relative file path (or a unique path suffix), a table or a service (id
 * or name); `file:`, `table:` or `service:` in front settles a clash.
 */
export function explain(analysis: Analysis, target: string): Explanation {
  const match = /^(file|table|service):(.+)$/.exec(target);
  const wanted = match ? match[1] : null;
  const name = (match ? match[2]! : target).replace(/\\/g, '/').replace(/^\.\//, '');
  const candidates: Explanation[] = [];
  if (!wanted || wanted === 'file') {
    const file = findFile(analysis, name);
    if (file) candidates.push(explainFile(analysis, file));
  }
  if (!wanted || wanted === 'table') {
    if (analysis.tables.some((table) => table.name === name)) candidates.push(explainTable(analysis, name));
  }
  if (!wanted || wanted === 'service') {
    const service = analysis.services.find((candidate) => candidate.id === name) ?? analysis.services.find((candidate) => candidate.name === name);
    if (service) candidates.push(explainService(analysis, service.id));
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    const kinds = candidates.map((candidate) => `${candidate.kind}:${name}`).join(' or ');
    throw new UsageError(`"${name}" names more than one thing; write ${kinds}`);
  }
  throw new UsageError(`"${name}" is not a file, table or service of ${analysis.root}${wanted ? ` (looked for a ${wanted})` : ''}`);
}

/** An exact root-relative path, or the one file whose path ends with `/name`. */
function findFile(analysis: Analysis, name: string): string | null {
  if (analysis.files.some((file) => file.path === name)) return name;
  const matches = analysis.files.filter((file) => file.path.endsWith(`/${name}`)).map((file) => file.path);
  if (matches.length > 1) {
    throw new UsageError(`"${name}" matches ${matches.length} files: ${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', …' : ''}`);
  }
  return matches[0] ?? null;
}

export function explainFile(analysis: Analysis, path: string): FileExplanation {
  const entry = analysis.files.find((file) => file.path === path)!;
  const serviceOf = new Map(analysis.files.map((file) => [file.path, file]));
  const label = (file: string) => {
    const other = serviceOf.get(file);
    return other?.service ?? (other?.role === 'shared' ? 'shared kernel' : 'unassigned');
  };
  const weights = new Map<string, ServiceWeight>();
  const add = (service: string, weight: number) => {
    const current = weights.get(service) ?? { service, weight: 0, edges: 0 };
    current.weight += weight;
    current.edges += 1;
    weights.set(service, current);
  };
  const toNeighbour = (file: string, edge: Analysis['edges'][number]): FileNeighbour => ({
    file,
    service: serviceOf.get(file)?.service ?? null,
    kinds: edge.kinds,
    weight: edge.weight,
    line: edge.line,
  });
  const dependsOn: FileNeighbour[] = [];
  const usedBy: FileNeighbour[] = [];
  for (const edge of analysis.edges) {
    if (edge.from === path) {
      dependsOn.push(toNeighbour(edge.to, edge));
      add(label(edge.to), edge.weight);
    } else if (edge.to === path) {
      usedBy.push(toNeighbour(edge.from, edge));
      add(label(edge.from), edge.weight);
    }
  }
  const owners = new Map(analysis.tables.map((table) => [table.name, table.owner]));
  for (const table of entry.tables) {
    const owner = owners.get(table.name) ?? null;
    for (const access of table.access) add(owner ?? 'unassigned', analysis.options.weights[access]);
  }
  const weightByService = [...weights.values()]
    .map((weight) => ({ ...weight, weight: round(weight.weight, 3) }))
    .sort((a, b) => b.weight - a.weight || compareStrings(a.service, b.service));
  const byWeight = (a: FileNeighbour, b: FileNeighbour) => b.weight - a.weight || compareStrings(a.file, b.file);
  return {
    kind: 'file',
    path,
    service: entry.service,
    role: entry.role,
    placement: entry.placement,
    confidence: entry.confidence,
    reason: getPlacementReason(analysis, entry, weightByService),
    lines: entry.lines,
    weightByService,
    dependsOn: dependsOn.sort(byWeight),
    usedBy: usedBy.sort(byWeight),
    tables: entry.tables.map((table) => ({ ...table, owner: owners.get(table.name) ?? null })),
    findings: summarize(analysis.findings.filter((finding) => finding.locations.some((location) => location.file === path))),
  };
}

export function explainTable(analysis: Analysis, name: string): TableExplanation {
  const table = analysis.tables.find((candidate) => candidate.name === name)!;
  const serviceOf = new Map(analysis.files.map((file) => [file.path, file.service]));
  return {
    kind: 'table',
    name,
    tableKind: table.kind,
    owner: table.owner,
    shared: table.shared,
    declaredIn: table.declaredIn,
    accessors: table.accessors,
    accesses: analysis.dataAccesses
      .filter((access) => access.table === name)
      .map(({ file, line, access, via }) => ({ file, line, access, via, service: serviceOf.get(file) ?? null })),
    findings: summarize(
      analysis.findings.filter((finding) => TABLE_FINDINGS.has(finding.kind) && mentionsTable(finding.message, name)),
    ),
  };
}

export function explainService(analysis: Analysis, id: string): ServiceExplanation {
  const service = analysis.services.find((candidate) => candidate.id === id)!;
  return {
    kind: 'service',
    id,
    name: service.name,
    size: service.size,
    confidence: service.confidence,
    files: service.files,
    tables: service.tables,
    metrics: service.metrics,
    dependsOn: analysis.dependencies.filter((dependency) => dependency.from === id),
    dependedOnBy: analysis.dependencies.filter((dependency) => dependency.to === id),
    apiSurface: service.apiSurface,
    extraction: (analysis.extractionOrder ?? []).find((step) => step.service === id) ?? null,
    findings: summarize(analysis.findings.filter((finding) => finding.services.includes(id))),
  };
}

const TABLE_FINDINGS = new Set(['shared-table', 'cross-service-join', 'cross-service-transaction']);

/** Table findings name their tables in the message, separated by spaces, commas or parentheses. */
function mentionsTable(message: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s,(:])${escaped}($|[\\s,):])`).test(message);
}

function getPlacementReason(analysis: Analysis, entry: FileEntry, weights: ServiceWeight[]): string {
  const total = weights.reduce((sum, weight) => sum + weight.weight, 0);
  const share = (service: string | null) => {
    const weight = weights.find((candidate) => candidate.service === service)?.weight ?? 0;
    return total > 0 ? Math.round((weight / total) * 100) : 0;
  };
  switch (entry.placement) {
    case 'pinned':
      return `Pinned to ${entry.service} by the configuration (pins).`;
    case 'shared': {
      const reason = analysis.sharedKernel.find((kernel) => kernel.path === entry.path)?.reason;
      return `Set aside as shared kernel${reason ? `: ${reason}` : ''}; it would glue services together, so it belongs to none.`;
    }
    case 'table-owner':
      return `An entity or model file that many files use: set aside while clustering so that it would not glue its users together, then given to ${entry.service}, which writes its table most.`;
    case 'folder':
      return `No dependency ties it to a cluster; it was placed with ${entry.service}, which holds most files of its folder.`;
    case 'schema-history':
      return 'A migration or seed: it changes or fills the tables of any domain once and belongs to no service, so clustering leaves it out; its schema changes still declare tables.';
    case 'none':
      return 'Unassigned: no dependency ties it to a service and its folders hold no clear majority.';
    default: {
      const top = weights[0];
      const mine = share(entry.service);
      const lead =
        top && top.service !== entry.service
          ? ` More of its weight goes to ${top.service} (${share(top.service)}%): see the misplaced-file findings.`
          : '';
      return (
        `Clustering put it in ${entry.service}, which gets ${mine}% of its dependency weight; confidence ` +
        `${entry.confidence.toFixed(2)} (how consistently it lands with the same files across seeds).${lead}`
      );
    }
  }
}

function summarize(findings: Finding[]): FindingSummary[] {
  return findings.map(({ id, kind, severity, message }) => ({ id, kind, severity, message }));
}
