import { DEFAULT_OPTIONS } from '../../src/config/defaults.js';
import type { ReportAnalysis, TrendPoint } from '../../src/report/html/report-data.js';
import type { DataAccess, Diagnostic, FileEdge, FileEntry, Finding, Service, ServiceDependency, Table } from '../../src/types.js';
import { createRandom } from '../../src/util/random.js';
import { compareStrings, round } from '../../src/util/sort.js';

export interface SyntheticOptions {
  files: number;
  services: number;
  seed?: number;
  /** Put markup, quotes, backticks and unicode into every analysed string. */
  hostile?: boolean;
  /** Number of history points in `trend`. */
  trend?: number;
}

const DOMAINS = ['ordering', 'billing', 'catalog', 'identity', 'shipping', 'notifications', 'inventory', 'reporting', 'search', 'payments', 'reviews', 'pricing'];
const LAYERS = ['controller', 'service', 'repository', 'dto', 'entity', 'mapper', 'guard', 'listener'];
const HOSTILE = [
  '<img src=x onerror=window.__pwned=1>',
  '</script><script>window.__pwned=2</script>',
  `"quoted" & 'single'`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${x} in a name is one of the hostile cases
  '`backtick` ${x}',
  '__proto__',
  'constructor',
  'заказы-ünïcødé-📦',
  '<svg onload=window.__pwned=3>',
];

/**
 * A plausible Analysis of a layered monolith of any size, built directly (no parsing), for the
 * report's tests and for measuring the page on 20k files. Deterministic for a given seed.
 */
export function createSyntheticAnalysis(options: SyntheticOptions): ReportAnalysis {
  const random = createRandom(options.seed ?? 7);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const hostile = (i: number) => (options.hostile ? HOSTILE[i % HOSTILE.length]! : '');
  const serviceIds = Array.from({ length: options.services }, (_, i) => {
    const base = DOMAINS[i % DOMAINS.length]! + (i >= DOMAINS.length ? `-${Math.floor(i / DOMAINS.length) + 1}` : '');
    return options.hostile ? `${base}${hostile(i)}` : base;
  });

  const kernelCount = Math.max(1, Math.round(options.files * 0.04));
  const unassignedCount = Math.max(1, Math.round(options.files * 0.01));
  const serviceCount = options.files - kernelCount - unassignedCount;
  const files: FileEntry[] = [];
  const addFile = (path: string, service: string | null, role: FileEntry['role']) =>
    files.push({
      path,
      service,
      role,
      confidence: role === 'service' ? round(0.55 + 0.45 * random(), 2) : 0,
      placement: role === 'service' ? (random() < 0.9 ? 'cluster' : 'folder') : role === 'shared' ? 'shared' : 'none',
      lines: 20 + Math.floor(random() * 300),
      fanIn: 0,
      fanOut: 0,
      tables: [],
      externalWorkspaceImports: [],
    });
  for (let i = 0; i < serviceCount; i++) {
    const s = i % options.services;
    const layer = LAYERS[Math.floor(i / options.services) % LAYERS.length]!;
    const folder = options.hostile ? `${DOMAINS[s % DOMAINS.length]}${hostile(i + s)}` : serviceIds[s]!;
    addFile(`src/modules/${folder}/${layer}s/${pick(['order', 'invoice', 'product', 'user', 'parcel', 'stock', 'price', 'report'])}-${i}.${layer}.ts`, serviceIds[s]!, 'service');
  }
  for (let i = 0; i < kernelCount; i++) addFile(`src/common/${pick(['logger', 'config', 'utils', 'errors'])}/${options.hostile ? hostile(i) : 'helper'}-${i}.ts`, null, 'shared');
  for (let i = 0; i < unassignedCount; i++) addFile(`scripts/${options.hostile ? hostile(i + 3) : 'migrate'}-${i}.ts`, null, 'unassigned');
  files.sort((a, b) => compareStrings(a.path, b.path));

  const byService = new Map<string, FileEntry[]>(serviceIds.map((id) => [id, []]));
  for (const file of files) if (file.service) byService.get(file.service)!.push(file);
  const kernel = files.filter((file) => file.role === 'shared');

  const edges: FileEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (from: FileEntry, to: FileEntry) => {
    const key = `${from.path}\0${to.path}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    from.fanOut++;
    to.fanIn++;
    edges.push({ from: from.path, to: to.path, kinds: random() < 0.15 ? ['di', 'import'] : ['import'], weight: 1, line: 1 + Math.floor(random() * 12) });
  };
  for (const file of files) {
    if (file.role !== 'service') continue;
    const own = byService.get(file.service!)!;
    for (let k = 0; k < 3; k++) addEdge(file, pick(own));
    if (random() < 0.5) addEdge(file, pick(kernel));
    if (random() < 0.04) addEdge(file, pick(byService.get(pick(serviceIds))!));
  }
  edges.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));

  const tables: Table[] = [];
  const dataAccesses: DataAccess[] = [];
  serviceIds.forEach((id, s) => {
    const own = byService.get(id)!;
    for (let t = 0; t < 3; t++) {
      const name = options.hostile ? `${DOMAINS[s % DOMAINS.length]}_${t}${hostile(s + t)}` : `${DOMAINS[s % DOMAINS.length]}${s >= DOMAINS.length ? s : ''}_${['items', 'events', 'audit'][t]}`;
      const users = [id, ...(random() < 0.25 ? [pick(serviceIds)] : [])].filter((value, i, all) => all.indexOf(value) === i);
      const accessors = users.map((user, u) => {
        const accessorFiles = [pick(byService.get(user)!), pick(byService.get(user)!)].filter((value, i, all) => all.indexOf(value) === i);
        let reads = 0;
        let writes = 0;
        for (const file of accessorFiles) {
          const access = u === 0 || random() < 0.3 ? 'write' : 'read';
          if (access === 'write') writes++;
          else reads++;
          file.tables.push({ name, access: [access] });
          dataAccesses.push({ file: file.path, line: 10 + Math.floor(random() * 80), table: name, access, via: options.hostile ? `knex('${name}')` : 'typeorm' });
        }
        return { service: user, files: accessorFiles.map((file) => file.path).sort(compareStrings), reads, writes };
      });
      tables.push({ name, kind: 'table', declaredIn: [{ file: own[0]!.path, line: 3 }], owner: id, accessors, shared: accessors.length > 1 });
    }
  });
  tables.sort((a, b) => compareStrings(a.name, b.name));
  dataAccesses.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);

  const serviceOf = new Map(files.map((file) => [file.path, file.service]));
  const dependencyMap = new Map<string, ServiceDependency>();
  for (const edge of edges) {
    const from = serviceOf.get(edge.from);
    const to = serviceOf.get(edge.to);
    if (!from || !to || from === to) continue;
    const key = `${from}\0${to}`;
    const dependency = dependencyMap.get(key) ?? { from, to, edges: 0, weight: 0, kinds: {} };
    dependency.edges++;
    dependency.weight += edge.weight;
    dependency.kinds.import = (dependency.kinds.import ?? 0) + 1;
    dependencyMap.set(key, dependency);
  }
  const dependencies = [...dependencyMap.values()].sort((a, b) => b.weight - a.weight || compareStrings(a.from, b.from) || compareStrings(a.to, b.to));

  const services: Service[] = serviceIds.map((id) => {
    const own = byService.get(id)!;
    const out = dependencies.filter((dependency) => dependency.from === id);
    const incoming = dependencies.filter((dependency) => dependency.to === id);
    const crossTargets = edges.filter((edge) => serviceOf.get(edge.to) === id && serviceOf.get(edge.from) !== id && serviceOf.get(edge.from));
    const api = new Map<string, Set<string>>();
    for (const edge of crossTargets) {
      const users = api.get(edge.to) ?? new Set<string>();
      users.add(serviceOf.get(edge.from)!);
      api.set(edge.to, users);
    }
    return {
      id,
      name: id,
      files: own.map((file) => file.path),
      size: own.length,
      confidence: round(own.reduce((sum, file) => sum + file.confidence, 0) / Math.max(1, own.length), 2),
      tables: [...new Set(own.flatMap((file) => file.tables.map((table) => table.name)))].sort(compareStrings),
      topFiles: [...own].sort((a, b) => b.fanIn - a.fanIn || compareStrings(a.path, b.path)).slice(0, 5).map((file) => file.path),
      metrics: {
        size: own.length,
        cohesion: round(0.6 + 0.35 * random()),
        coupling: round(out.reduce((sum, dependency) => sum + dependency.weight, 0), 1),
        efferent: out.length,
        afferent: incoming.length,
        instability: round(out.length / Math.max(1, out.length + incoming.length)),
      },
      apiSurface: [...api]
        .sort(([a], [b]) => compareStrings(a, b))
        .map(([file, users]) => ({ file, symbol: options.hostile ? `Service${hostile(file.length)}` : 'OrderService', usedBy: [...users].sort(compareStrings) })),
    };
  });
  services.sort((a, b) => b.size - a.size || compareStrings(a.id, b.id));

  const findings: Finding[] = [];
  for (const table of tables.filter((candidate) => candidate.shared)) {
    findings.push({
      id: `shared-table:${table.name}`,
      kind: 'shared-table',
      severity: 'high',
      message: `Table ${table.name} is written by ${table.accessors.length} services`,
      locations: table.accessors.flatMap((accessor) => accessor.files.map((file) => ({ file, line: 12 }))),
      evidence: table.accessors.map((accessor) => `${accessor.service} writes ${table.name} ${accessor.writes} times`),
      suggestion: `Let ${table.owner} own ${table.name} and give the others an API`,
      services: table.accessors.map((accessor) => accessor.service!).sort(compareStrings),
    });
  }
  for (const dependency of dependencies.slice(0, 6)) {
    findings.push({
      id: `cross-service-cycle:${dependency.from}:${dependency.to}`,
      kind: 'cross-service-cycle',
      severity: 'medium',
      message: `${dependency.from} and ${dependency.to} import each other`,
      locations: [{ file: byService.get(dependency.from)![0]!.path, line: 4 }],
      evidence: [`${dependency.edges} imports from ${dependency.from} to ${dependency.to}`],
      suggestion: 'Break the cycle with an event or move the shared code to the kernel',
      services: [dependency.from, dependency.to].sort(compareStrings),
    });
  }
  for (const file of kernel.slice(0, 4)) {
    findings.push({ id: `hub-module:${file.path}`, kind: 'hub-module', severity: 'low', message: `${file.path} is used by ${file.fanIn} files`, locations: [{ file: file.path, line: 1 }], evidence: [], suggestion: 'Keep it in a shared library', services: [] });
  }
  findings.push({
    id: 'misplaced-file:0',
    kind: 'misplaced-file',
    severity: 'info',
    message: `${files[0]!.path} sits in one folder but belongs with another service`,
    locations: [{ file: files[0]!.path, line: 1 }],
    evidence: [],
    suggestion: 'Move it',
    services: [],
  });

  const diagnostics: Diagnostic[] = [
    { code: 'parse-error', severity: 'error', file: files[1]!.path, line: 3, message: `Unexpected token in ${files[1]!.path}` },
    { code: 'unresolved-import', severity: 'warning', file: files[2]!.path, line: 1, message: options.hostile ? `Cannot resolve '${HOSTILE[0]}'` : "Cannot resolve '@app/legacy'" },
  ];

  const trend: TrendPoint[] | undefined = options.trend
    ? Array.from({ length: options.trend }, (_, i) => ({
        sha: `${(0x1a2b3c4d + i * 7919).toString(16)}${options.hostile ? hostile(i) : ''}`,
        date: new Date(Date.UTC(2025, 0, 1 + i * 7)).toISOString(),
        metrics: { modularity: round(0.5 + i * 0.01, 3), icp: round(0.3 - i * 0.005, 3), crossServiceEdges: 120 - i * 2, sharedTables: 8 - Math.floor(i / 3) },
      }))
    : undefined;

  return {
    schemaVersion: 1,
    tool: { name: 'seams', version: '0.1.0' },
    root: options.hostile ? `shop${HOSTILE[1]}` : 'shop',
    options: DEFAULT_OPTIONS,
    summary: {
      files: files.length,
      services: services.length,
      sharedKernel: kernel.length,
      unassigned: unassignedCount,
      edges: edges.length,
      tables: tables.length,
      findings: {
        high: findings.filter((f) => f.severity === 'high').length,
        medium: findings.filter((f) => f.severity === 'medium').length,
        low: findings.filter((f) => f.severity === 'low').length,
        info: findings.filter((f) => f.severity === 'info').length,
      },
      diagnostics: diagnostics.length,
      unresolvedImports: 1,
    },
    services,
    sharedKernel: kernel.map((file) => ({ path: file.path, reason: `used by ${file.fanIn} files` })),
    unassigned: files.filter((file) => file.role === 'unassigned').map((file) => file.path),
    files,
    edges,
    dependencies,
    tables,
    dataAccesses,
    findings,
    metrics: { modularity: 0.61, sm: 0.21, icp: 0.12, ifn: 3.4, ned: 0.8, mq: 5.2, crossServiceEdges: edges.length - 1000, sharedTables: tables.filter((t) => t.shared).length, crossServiceTransactions: 2 },
    extractionOrder: services
      .map((service) => ({ service: service.id, crossServiceEdges: Math.round(service.metrics.coupling), sharedTables: tables.filter((t) => t.shared && t.accessors.some((a) => a.service === service.id)).length }))
      .map((step) => ({ ...step, crossServiceTransactions: 0, cycles: 0, cost: step.crossServiceEdges + 3 * step.sharedTables }))
      .sort((a, b) => a.cost - b.cost || compareStrings(a.service, b.service))
      .map((step, i) => ({ rank: i + 1, ...step })),
    diagnostics,
    ...(trend ? { trend } : {}),
  };
}
