import type { Finding, Location } from '../../types.js';
import { compareStrings, round, uniqueSorted } from '../../util/sort.js';
import type { ServiceEdge } from '../service-view.js';
import { createFinding, pluralize, pushTo, toList } from './create-finding.js';
import type { FindingInput } from './finding-input.js';
import { findShortestPath } from './find-shortest-path.js';
import { findStronglyConnected } from './find-strongly-connected.js';

/** BFS runs per cycle, at most: each is O(files + edges) of the services involved. */
const MAX_SEARCHES = 200;

type CrossingEdge = ServiceEdge & { fromService: string; toService: string };

/**
 * Services that depend on each other: strongly connected components of the service graph
 * (iterative Tarjan). Evidence is the shortest file-level cycle through the component, found
 * with a breadth-first search back from each crossing edge; a file cycle across services is
 * high severity (the code itself cannot be split), a cycle only between services medium.
 */
export function findCrossServiceCycles(input: FindingInput): Finding[] {
  // A type-only import is gone at run time: it couples the builds (type-only-coupling says so),
  // not the running services, and a cycle it closes is none to break with an event.
  const runtimeEdges = input.edges.filter((edge) => edge.kinds.some((kind) => kind !== 'type'));
  const crossing = runtimeEdges.filter(
    (edge): edge is CrossingEdge => !!edge.fromService && !!edge.toService && edge.fromService !== edge.toService,
  );
  const successors = new Map<string, string[]>(input.services.map((service) => [service.id, []]));
  for (const edge of crossing) {
    const list = successors.get(edge.fromService) ?? [];
    if (!list.includes(edge.toService)) list.push(edge.toService);
    successors.set(edge.fromService, list);
  }
  return findStronglyConnected(successors)
    .filter((component) => component.length > 1)
    .map((component) => describeCycle(component, runtimeEdges, crossing));
}

function describeCycle(component: string[], edges: ServiceEdge[], crossing: CrossingEdge[]): Finding {
  const members = new Set(component);
  const inside = crossing
    .filter((edge) => members.has(edge.fromService) && members.has(edge.toService))
    .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  const pairs = new Map<string, CrossingEdge[]>();
  for (const edge of inside) {
    const key = `${edge.fromService}\0${edge.toService}`;
    pushTo(pairs, key, edge);
  }
  const pairList = [...pairs.values()].sort(
    (a, b) => compareStrings(a[0]!.fromService, b[0]!.fromService) || compareStrings(a[0]!.toService, b[0]!.toService),
  );
  const fileCycle = findShortestFileCycle(members, edges, inside);
  const weakest = [...pairList].sort(
    (a, b) => sumWeight(a) - sumWeight(b) || a.length - b.length || compareStrings(a[0]!.fromService, b[0]!.fromService),
  )[0]!;
  const evidence = pairList.map(
    (list) =>
      `${list[0]!.fromService} → ${list[0]!.toService}: ${pluralize(list.length, 'file edge')}, weight ${round(sumWeight(list), 3)} (e.g. ${list[0]!.from}:${list[0]!.line} → ${list[0]!.to})`,
  );
  let locations: Location[];
  if (fileCycle) {
    evidence.push(`shortest file cycle: ${fileCycle.map((edge) => `${edge.from}:${edge.line}`).join(' → ')} → ${fileCycle[0]!.from}`);
    locations = fileCycle.map((edge) => ({ file: edge.from, line: edge.line }));
  } else {
    evidence.push('no file-level cycle: the services depend on each other through different files');
    locations = pairList.map((list) => ({ file: list[0]!.from, line: list[0]!.line }));
  }
  const message =
    component.length === 2
      ? `Services ${component[0]} and ${component[1]} depend on each other`
      : `Services ${toList(component)} depend on each other in a cycle`;
  return createFinding({
    kind: 'cross-service-cycle',
    severity: fileCycle ? 'high' : 'medium',
    message,
    locations,
    evidence,
    suggestion:
      `Break the cycle where it is weakest: ${weakest[0]!.fromService} → ${weakest[0]!.toService} (${pluralize(weakest.length, 'file edge')}, ` +
      `from ${toList(uniqueSorted(weakest.map((edge) => edge.from)).slice(0, 3))}). Replace it with an event that ` +
      `${weakest[0]!.toService} publishes, or move the code it uses into ${weakest[0]!.fromService}, so that dependencies run one way.`,
    services: component,
    key: component,
  });
}

/** The shortest cycle of file edges that leaves a service of the component and comes back. */
function findShortestFileCycle(members: Set<string>, edges: ServiceEdge[], inside: CrossingEdge[]): ServiceEdge[] | null {
  const successors = new Map<string, string[]>();
  const edgeByPair = new Map<string, ServiceEdge>();
  for (const edge of edges) {
    if (!edge.fromService || !edge.toService || !members.has(edge.fromService) || !members.has(edge.toService)) continue;
    pushTo(successors, edge.from, edge.to);
    edgeByPair.set(`${edge.from}\0${edge.to}`, edge);
  }
  for (const list of successors.values()) list.sort(compareStrings);
  let best: string[] | null = null;
  for (const edge of inside.slice(0, MAX_SEARCHES)) {
    const back = findShortestPath(successors, edge.to, edge.from);
    if (back && (!best || back.length + 1 < best.length)) best = [edge.from, ...back];
  }
  if (!best) return null;
  const cycle: ServiceEdge[] = [];
  for (let index = 0; index < best.length - 1; index++) cycle.push(edgeByPair.get(`${best[index]}\0${best[index + 1]}`)!);
  return cycle;
}

function sumWeight(edges: ServiceEdge[]): number {
  return edges.reduce((sum, edge) => sum + edge.weight, 0);
}
