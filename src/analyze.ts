import path from 'node:path';
import { clusterGraph } from './cluster/index.js';
import { DEFAULT_OPTIONS } from './config/defaults.js';
import { extractFacts } from './extract/index.js';
import { buildGraph } from './graph/build-graph.js';
import { loadWorkspace, type Workspace } from './load/index.js';
import { getExtractionOrder } from './measure/get-extraction-order.js';
import { measure } from './measure/index.js';
import { type Analysis, type AnalysisOptions, SCHEMA_VERSION } from './types.js';
import { ignoreProgress, type ProgressListener } from './util/progress.js';
import { toRelative } from './util/paths.js';
import { compareStrings } from './util/sort.js';
import { getToolVersion } from './util/tool-version.js';

export interface AnalyzeOptions extends Partial<AnalysisOptions> {
  root: string;
  progress?: ProgressListener;
  /** Add the `run` section with per-stage time and memory (it varies between runs). */
  timings?: boolean;
  /** Walk files on worker threads for large projects (default true). */
  workers?: boolean;
  /** Threads that walk files, this one included; by default chosen from the number of files. */
  threads?: number;
}

/** The whole pipeline: load → extract → graph → cluster → measure, as one Analysis object. */
export async function analyze(request: AnalyzeOptions): Promise<Analysis> {
  const options = resolveOptions(request);
  const progress = request.progress ?? ignoreProgress;
  const timings: { stage: string; ms: number; heapMb: number }[] = [];
  const started = performance.now();
  let last = started;
  const mark = (stage: string) => {
    const now = performance.now();
    timings.push({ stage, ms: Math.round(now - last), heapMb: Math.round(process.memoryUsage().rss / 1e6) });
    last = now;
  };

  progress({ stage: 'load', message: 'finding files and tsconfigs' });
  const workspace = loadWorkspace(request.root, options);
  mark('load');
  const facts = await extractFacts(workspace, { progress, workers: request.workers, threads: request.threads });
  mark('extract');
  progress({ stage: 'graph', message: 'building the dependency graph' });
  const graphResult = buildGraph(facts, withConstrainedFilesOutOfKernel(options));
  mark('graph');
  progress({ stage: 'cluster', message: 'clustering' });
  const decomposition = clusterGraph(graphResult, options, getPackageFolders(workspace));
  mark('cluster');
  progress({ stage: 'measure', message: 'measuring' });
  const measurement = measure({ facts, graph: graphResult.graph, decomposition, options });
  mark('measure');

  const diagnostics = [...facts.diagnostics].sort(
    (a, b) =>
      compareStrings(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
  const findings = measurement.findings;
  const analysis: Analysis = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'seams', version: getToolVersion() },
    root: path.basename(workspace.root),
    options: {
      ...options,
      resolution: decomposition.resolution,
      tsconfig: options.tsconfig ? toRelative(workspace.root, path.resolve(options.tsconfig)) : null,
    },
    summary: {
      files: measurement.files.length,
      services: measurement.services.length,
      sharedKernel: decomposition.sharedKernel.length,
      unassigned: measurement.files.filter((file) => file.role === 'unassigned').length,
      edges: measurement.edges.length,
      tables: measurement.tables.length,
      findings: {
        high: findings.filter((f) => f.severity === 'high').length,
        medium: findings.filter((f) => f.severity === 'medium').length,
        low: findings.filter((f) => f.severity === 'low').length,
        info: findings.filter((f) => f.severity === 'info').length,
      },
      diagnostics: diagnostics.length,
      unresolvedImports: facts.unresolvedImports,
    },
    services: measurement.services,
    sharedKernel: decomposition.sharedKernel,
    unassigned: measurement.files.filter((file) => file.role === 'unassigned').map((file) => file.path),
    files: measurement.files,
    edges: measurement.edges,
    dependencies: measurement.dependencies,
    tables: measurement.tables,
    dataAccesses: measurement.dataAccesses,
    findings,
    metrics: measurement.metrics,
    extractionOrder: getExtractionOrder({
      ...measurement,
      serviceOf: (file) => decomposition.assignments.get(file)?.service ?? null,
    }),
    ...(decomposition.curve ? { curve: decomposition.curve } : {}),
    diagnostics,
  };
  if (request.timings) analysis.run = { durationMs: Math.round(performance.now() - started), timings };
  return analysis;
}

function resolveOptions(request: AnalyzeOptions): AnalysisOptions {
  const { root: _root, progress: _progress, timings: _timings, workers: _workers, threads: _threads, ...given } = request;
  const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return {
    ...DEFAULT_OPTIONS,
    ...defined,
    sharedKernel: { ...DEFAULT_OPTIONS.sharedKernel, ...(given.sharedKernel ?? {}) },
    weights: { ...DEFAULT_OPTIONS.weights, ...(given.weights ?? {}) },
  };
}

/** A file the team pinned or grouped belongs to a service, so it is never set aside as shared kernel. */
function withConstrainedFilesOutOfKernel(options: AnalysisOptions): AnalysisOptions {
  const globs = [...Object.keys(options.pins), ...options.groups.flat()];
  if (globs.length === 0) return options;
  return { ...options, sharedKernel: { ...options.sharedKernel, exclude: [...options.sharedKernel.exclude, ...globs] } };
}

/**
 * The workspace packages and Nx projects inside the analysed root, as root-relative folders (the
 * root itself excluded): units the authors chose, which clustering keeps whole when small.
 */
function getPackageFolders(workspace: Workspace): string[] {
  const folders = [...workspace.packages.map((pkg) => pkg.directory), ...workspace.projectFolders];
  return [...new Set(folders.map((folder) => path.relative(workspace.root, folder).split(path.sep).join('/')))]
    .filter((folder) => folder !== '' && !folder.startsWith('..') && !path.isAbsolute(folder))
    .sort(compareStrings);
}
