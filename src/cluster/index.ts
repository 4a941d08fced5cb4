import type { GraphResult } from '../graph/dependency-graph.js';
import { KERNEL_GLOB_REASON } from '../graph/find-shared-kernel.js';
import type { AnalysisOptions, CurvePoint } from '../types.js';
import { compareStrings, round } from '../util/sort.js';
import { applyConstraints, applyServiceNames, createConstraintMatcher } from './apply-constraints.js';
import { assignEntitiesToTableOwners } from './assign-entities-to-table-owners.js';
import { attachByFolder } from './attach-by-folder.js';
import { buildClusteringGraph, type ClusteringGraph } from './build-clustering-graph.js';
import { chooseResolution } from './choose-resolution.js';
import { computeConfidence } from './compute-confidence.js';
import { computePartitionModularity } from './compute-partition-modularity.js';
import { findPlatformFiles } from './find-platform-files.js';
import { findSpanningFiles, restateSpanningFile } from './find-spanning-files.js';
import type { CandidateService, Decomposition, ServiceAssignment } from './decomposition.js';
import { mergeChattyCommunities } from './merge-chatty-communities.js';
import { mergeSmallCommunities } from './merge-small-communities.js';
import { nameServices } from './name-services.js';
import { isSchemaHistory } from '../util/is-schema-history.js';
import { type LouvainRun, runLouvain } from './run-louvain.js';

export type { Decomposition } from './decomposition.js';

/** Services exchanging half as much weight as the smaller one holds inside are one service. */
const CHATTY_RATIO = 0.5;

/**
 * Seeded Louvain over several seeds, at the resolution the user set or one chosen from the
 * graph's size (choose-resolution.ts); the run with the best modularity is kept, tiny
 * communities are folded into their strongest neighbour, files without edges are placed by
 * their folder (or left unassigned), and every file gets a confidence from the other runs.
 */
export function clusterGraph(graphResult: GraphResult, options: AnalysisOptions, packageFolders: readonly string[] = []): Decomposition {
  const constraints = { pins: options.pins ?? {}, groups: options.groups ?? [] };
  const isConstrained = createConstraintMatcher(constraints);
  const history = findSchemaHistory(graphResult, isConstrained);
  const graphKernel = graphResult.sharedKernel.filter((entry) => !history.has(entry.path));
  const setAside = (kernelFiles: Iterable<string>) => new Set([...kernelFiles, ...history]);
  const firstProjection = buildClusteringGraph(graphResult.graph, setAside(graphKernel.map((entry) => entry.path)), options.weights, packageFolders);
  const baseResolution = options.resolution ?? chooseResolution(firstProjection);
  const [firstRun] = runLouvain(firstProjection, [options.seed], baseResolution);
  const firstCommunities = mergeSmallCommunities(firstProjection, firstRun!.communities, options.minServiceSize);
  const spanning = findSpanningFiles(graphResult, firstProjection, firstCommunities, options).filter((entry) => !isConstrained(entry.path));
  const spanningPaths = new Set(spanning.map((entry) => entry.path));
  const platform = findPlatformFiles(firstProjection, firstCommunities, packageFolders, isConstrained, spanningPaths, options.sharedKernel.exclude);
  const sharedKernel = [...graphKernel, ...spanning.map(({ path, reason }) => ({ path, reason })), ...platform].sort((a, b) => compareStrings(a.path, b.path));
  const result = { ...graphResult, sharedKernel };
  const kernel = new Set(result.sharedKernel.map((entry) => entry.path));
  // Without spanning or platform files the kernel is unchanged and so is the projection; building
  // it again would cost a fifth of the stage on a large graph.
  const projection = spanning.length + platform.length === 0 ? firstProjection : buildClusteringGraph(result.graph, setAside(kernel), options.weights, packageFolders);
  const seeds = Array.from({ length: Math.max(1, options.seeds) }, (_, index) => options.seed + index);
  const search = options.targetServices ? findResolution(projection, options, seeds, baseResolution) : null;
  const resolution = search?.resolution ?? baseResolution;
  // The first seed's run on an unchanged projection at the same resolution is the one above.
  const runs =
    projection === firstProjection && resolution === baseResolution
      ? [firstRun!, ...runLouvain(projection, seeds.slice(1), resolution)]
      : runLouvain(projection, seeds, resolution);
  const chosen = pickBestRun(runs);
  const files = result.graph.filterNodes((_node, attributes) => attributes.type === 'file').sort();
  const candidates = files.filter((file) => projection.hasNode(file));
  // Constraints go first so that the remnants they leave are merged like any small cluster, and
  // again after merging, which may have folded a small pinned service into a neighbour.
  const constrain = (communities: Map<string, number>) => applyConstraints(candidates, communities, constraints);
  const smallMerged = mergeSmallCommunities(projection, constrain(chosen.communities).communities, options.minServiceSize);
  // An asked number of services is the user's granularity: merging chatty services afterwards
  // undid it (`--services 6` gave 1 while the curve it was chosen from said 6).
  const constrained = constrain(options.targetServices ? smallMerged : mergeChattyCommunities(projection, smallMerged, CHATTY_RATIO));
  const merged = constrained.communities;
  // The final clustering may split plumbing off that the first run kept with a service
  // (`main.ts` with the exception filter and the logging interceptor of `common/`): set aside too.
  const alreadyShared = new Set(sharedKernel.map((entry) => entry.path));
  const finalPlatform = findPlatformFiles(projection, merged, packageFolders, isConstrained, alreadyShared, options.sharedKernel.exclude);
  for (const entry of finalPlatform) {
    merged.set(entry.path, -1);
    sharedKernel.push(entry);
    kernel.add(entry.path);
  }
  sharedKernel.sort((a, b) => compareStrings(a.path, b.path));

  const clusteredFiles = candidates.filter((file) => (merged.get(file) ?? -1) >= 0);
  const confidence = computeConfidence(
    merged,
    runs.filter((run) => run !== chosen).map((run) => constrain(run.communities).communities),
    clusteredFiles,
  );

  const communityFiles = new Map<number, string[]>();
  for (const file of clusteredFiles) {
    const community = merged.get(file)!;
    const list = communityFiles.get(community) ?? [];
    list.push(file);
    communityFiles.set(community, list);
  }
  const ordered = [...communityFiles.entries()].sort((a, b) => b[1].length - a[1].length || (a[1][0]! < b[1][0]! ? -1 : 1));
  const names = applyServiceNames(
    nameServices(
      ordered.map(([, members]) => members),
      files.filter((file) => !kernel.has(file) && !history.has(file)),
    ),
    ordered.map(([community]) => constrained.pinnedNames.get(community)),
    options.serviceNames ?? {},
  );
  const serviceOfCommunity = new Map(ordered.map(([community], index) => [community, names[index]!]));

  const assignments = new Map<string, ServiceAssignment>();
  const placed = new Map<string, string>();
  for (const file of clusteredFiles) {
    const service = serviceOfCommunity.get(merged.get(file)!)!;
    placed.set(file, service);
    assignments.set(
      file,
      constrained.pinnedFiles.has(file)
        ? { service, role: 'service', placement: 'pinned', confidence: 1 }
        : { service, role: 'service', placement: 'cluster', confidence: round(confidence.get(file) ?? 0, 3) },
    );
  }
  for (const entry of result.sharedKernel) {
    assignments.set(entry.path, { service: null, role: 'shared', placement: 'shared', confidence: 1 });
  }
  for (const file of history) assignments.set(file, { service: null, role: 'unassigned', placement: 'schema-history', confidence: 0 });
  const tableOwners = assignEntitiesToTableOwners(result.graph, result.sharedKernel, (entry) => entry.reason === KERNEL_GLOB_REASON, (file) => placed.get(file) ?? null);
  for (const [file, service] of tableOwners) assignments.set(file, { service, role: 'service', placement: 'table-owner', confidence: 0 });
  const unplaced = files.filter((file) => !assignments.has(file));
  const attached = attachByFolder(unplaced, placed);
  for (const file of unplaced) {
    const service = attached.get(file) ?? null;
    assignments.set(file, service
      ? { service, role: 'service', placement: 'folder', confidence: 0 }
      : { service: null, role: 'unassigned', placement: 'none', confidence: 0 });
  }

  const filesByService = new Map<string, string[]>();
  for (const file of files) {
    const service = assignments.get(file)?.service;
    if (!service) continue;
    const list = filesByService.get(service) ?? [];
    list.push(file);
    filesByService.set(service, list);
  }
  const tablesByCommunity = new Map<number, string[]>();
  projection.forEachNode((node, attributes) => {
    const community = merged.get(node);
    if (attributes.type !== 'table' || community === undefined) return;
    const list = tablesByCommunity.get(community) ?? [];
    list.push(node.slice('table:'.length));
    tablesByCommunity.set(community, list);
  });
  const services: CandidateService[] = ordered.map(([community], index) => {
    const name = names[index]!;
    const members = filesByService.get(name) ?? [];
    const clustered = members.filter((file) => ['cluster', 'pinned'].includes(assignments.get(file)?.placement ?? ''));
    const meanConfidence = clustered.reduce((sum, file) => sum + assignments.get(file)!.confidence, 0) / Math.max(1, clustered.length);
    const tables = (tablesByCommunity.get(community) ?? []).sort(compareStrings);
    return { id: name, name, files: members, tables, confidence: round(meanConfidence, 3) };
  });
  const tableCommunities = new Map<string, string | null>();
  result.graph.forEachNode((node, attributes) => {
    if (attributes.type !== 'table') return;
    const community = merged.get(node);
    tableCommunities.set(attributes.label, community === undefined ? null : (serviceOfCommunity.get(community) ?? null));
  });
  const spanningByPath = new Map(spanning.map((entry) => [entry.path, entry]));
  const serviceOf = (path: string) => assignments.get(path)?.service ?? null;
  return {
    sharedKernel: sharedKernel.filter((entry) => !tableOwners.has(entry.path)).map((entry) => {
      const spanningFile = spanningByPath.get(entry.path);
      return spanningFile ? restateSpanningFile(spanningFile, result.graph, serviceOf) : entry;
    }),
    services,
    assignments,
    tableCommunities,
    resolution,
    modularity: chosen.modularity,
    ...(search ? { curve: search.curve } : {}),
  };
}

function pickBestRun(runs: LouvainRun[]): LouvainRun {
  return runs.reduce((best, run) => (run.modularity > best.modularity + 1e-12 ? run : best));
}

/**
 * Scans resolutions for the one whose decomposition has closest to the asked number of services
 * (ties: the higher modularity), and keeps the curve (resolution → services, modularity at
 * resolution 1, so the points compare) so the user sees the trade-off.
 */
function findResolution(
  graph: ClusteringGraph,
  options: AnalysisOptions,
  seeds: number[],
  fallback: number,
): { resolution: number; curve: CurvePoint[] } {
  const target = options.targetServices!;
  const curve: CurvePoint[] = [];
  let best = { resolution: fallback, distance: Number.POSITIVE_INFINITY, modularity: -1 };
  for (let resolution = 0.1; resolution <= 4.0001; resolution += 0.1) {
    const [run] = runLouvain(graph, seeds.slice(0, 1), resolution);
    if (!run) continue;
    const merged = mergeSmallCommunities(graph, run.communities, options.minServiceSize);
    const count = new Set(
      [...merged.entries()].filter(([node, c]) => c >= 0 && graph.getNodeAttribute(node, 'type') === 'file').map(([, c]) => c),
    ).size;
    const modularity = computePartitionModularity(graph, merged);
    curve.push({ resolution: round(resolution, 2), services: count, modularity: round(modularity) });
    const distance = Math.abs(count - target);
    if (distance < best.distance || (distance === best.distance && modularity > best.modularity + 1e-12)) {
      best = { resolution: round(resolution, 2), distance, modularity };
    }
  }
  return { resolution: best.resolution, curve };
}

/**
 * Migrations and seeds, which clustering leaves out (is-schema-history.ts), unless the
 * configuration pins them or puts them in the shared kernel by a glob: the user's word wins.
 */
function findSchemaHistory(graphResult: GraphResult, isConstrained: (path: string) => boolean): Set<string> {
  const byGlob = new Set(graphResult.sharedKernel.filter((entry) => entry.reason === KERNEL_GLOB_REASON).map((entry) => entry.path));
  const history = new Set<string>();
  graphResult.graph.forEachNode((node, attributes) => {
    if (attributes.type === 'file' && isSchemaHistory(node) && !isConstrained(node) && !byGlob.has(node)) history.add(node);
  });
  return history;
}
