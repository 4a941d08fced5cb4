import type { GraphResult, SharedKernelFile } from '../graph/dependency-graph.js';
import type { AnalysisOptions } from '../types.js';
import { compareStrings } from '../util/sort.js';
import type { ClusteringGraph } from './build-clustering-graph.js';

const MIN_SERVICES = 3;

/** A spanning file, and whether its imports or its importers reach across the services. */
export interface SpanningFile extends SharedKernelFile {
  reaches: 'imports' | 'importers';
}

/**
 * Finds the files that the fan-in/fan-out thresholds of the graph stage miss because the
 * project is large, but that a first clustering shows to span services: composition roots
 * (a router index, an app module) whose imports go to three or more candidate services with no
 * clear leader (none above 40 %), and cross-cutting files used from three or more services with no majority. Left in,
 * they pull unrelated services together; they join the shared kernel with the reason. `projection`
 * is the clustering graph without the graph stage's shared kernel, `communities` a clustering of
 * it with the small communities merged.
 */
export function findSpanningFiles(
  result: GraphResult,
  projection: ClusteringGraph,
  communities: ReadonlyMap<string, number>,
  options: AnalysisOptions,
): SpanningFile[] {
  const kernel = new Set(result.sharedKernel.map((entry) => entry.path));
  const { graph } = result;
  const isCandidate = (node: string) => graph.hasNode(node) && graph.getNodeAttribute(node, 'type') === 'file' && !kernel.has(node);
  const minLinks = Math.max(5, Math.ceil(0.04 * projection.order));
  const spanning: SpanningFile[] = [];
  for (const file of projection.nodes().sort(compareStrings)) {
    if (!isCandidate(file) || options.sharedKernel.exclude.length > 0) continue;
    const targets = graph.outNeighbors(file).filter(isCandidate);
    const sources = graph.inNeighbors(file).filter(isCandidate);
    const outSpread = getSpread(targets, communities);
    const inSpread = getSpread(sources, communities);
    if (targets.length >= minLinks && sources.length <= 2 && outSpread.services >= MIN_SERVICES && outSpread.topShare <= 0.4) {
      spanning.push({ path: file, reaches: 'imports', reason: describeReach('imports', outSpread.services) });
    } else if (sources.length >= minLinks && inSpread.services >= MIN_SERVICES && inSpread.topShare <= 0.4) {
      spanning.push({ path: file, reaches: 'importers', reason: describeReach('importers', inSpread.services) });
    }
  }
  return spanning;
}

/**
 * The spanning file's reason, counted again over the final services: the first clustering it
 * was found in may hold clusters that end up merged, or set aside as platform code, and a
 * reader checks "imports files of 6 candidate services" against the services listed.
 */
export function restateSpanningFile(file: SpanningFile, graph: GraphResult['graph'], serviceOf: (path: string) => string | null): SharedKernelFile {
  const neighbours = file.reaches === 'imports' ? graph.outNeighbors(file.path) : graph.inNeighbors(file.path);
  const services = new Set(neighbours.map(serviceOf).filter((service) => service !== null));
  return { path: file.path, reason: describeReach(file.reaches, services.size) };
}

function describeReach(reaches: SpanningFile['reaches'], services: number): string {
  const counted = `${services} candidate service${services === 1 ? '' : 's'}`;
  return reaches === 'imports' ? `composition root: imports files of ${counted}` : `cross-cutting: used by files of ${counted}`;
}

function getSpread(nodes: string[], communities: ReadonlyMap<string, number>): { services: number; topShare: number } {
  const counts = new Map<number, number>();
  for (const node of nodes) {
    const community = communities.get(node);
    if (community === undefined || community < 0) continue;
    counts.set(community, (counts.get(community) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const top = Math.max(0, ...counts.values());
  return { services: counts.size, topShare: total > 0 ? top / total : 1 };
}
