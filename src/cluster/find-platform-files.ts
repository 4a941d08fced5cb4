import picomatch from 'picomatch';
import type { SharedKernelFile } from '../graph/dependency-graph.js';
import { hasCrossCuttingName } from '../graph/find-shared-kernel.js';
import { compareStrings } from '../util/sort.js';
import type { ClusteringGraph } from './build-clustering-graph.js';
import { createPackageFinder } from './create-package-finder.js';
import { findDomainFolders, toSegmentWords } from './name-services.js';
import { SOURCE_ROOTS } from './source-roots.js';

/** Plumbing folders besides the cross-cutting names of the shared kernel (`common/`, `config/`, `utils/`…). */
const INFRASTRUCTURE_WORDS = new Set(
  'infra infrastructure platform kernel database db health healthcheck bootstrap telemetry observability monitoring tracing'.split(' '),
);
/** Entry points at the top of a package's source: they start the process and wire the rest. */
const ENTRY_POINT = /^(main|server|app|index|bootstrap|instrument|tracing)(\.module)?\.[cm]?[jt]sx?$/;
/** Platform code set aside may be at most this share of the clustered files: more is the project. */
const MAX_PLATFORM_SHARE = 0.2;

/**
 * Finds candidate services that are plumbing: every file in a platform folder (`common/`,
 * `database/`, `config/`, `utils/`, with no business folder around it) or an entry point
 * (`src/main.ts`), and no table among them. Clustering groups such files because they import
 * each other (the database module, its config, the TypeORM options), not because they are a
 * service: named "database" or "logging", they were the first thing a reader doubted. They join
 * the shared kernel with the reason, as platform code each service gets a copy of, or a library.
 * Smallest clusters first, until MAX_PLATFORM_SHARE of the clustered files is reached.
 *
 * `communities` is a clustering of `projection` with its small communities merged. Files in
 * `setAside` (found to span services in the same clustering) are left out of the count; pinned
 * and grouped files stay where the user put them, and so do the clusters that hold them; files
 * the user keeps out of the kernel (`notShared` globs) stay in their cluster.
 */
export function findPlatformFiles(
  projection: ClusteringGraph,
  communities: ReadonlyMap<string, number>,
  packageFolders: readonly string[],
  isConstrained: (path: string) => boolean,
  setAside: ReadonlySet<string>,
  notShared: readonly string[] = [],
): SharedKernelFile[] {
  const members = new Map<number, string[]>();
  const withTables = new Set<number>();
  let clustered = 0;
  projection.forEachNode((node, attributes) => {
    const community = communities.get(node);
    if (community === undefined || community < 0) return;
    if (attributes.type === 'table') withTables.add(community);
    if (attributes.type !== 'file' || setAside.has(node)) return;
    clustered++;
    const list = members.get(community) ?? [];
    list.push(node);
    members.set(community, list);
  });
  if (members.size < 2) return [];
  const getPackage = createPackageFinder(packageFolders);
  const clusters: SharedKernelFile[][] = [];
  for (const [community, files] of members) {
    if (withTables.has(community) || files.some(isConstrained)) continue;
    const entries = files.map((path) => ({ path, folder: getPlatformFolder(path, getPackage(path)) }));
    if (entries.every((entry) => entry.folder !== null)) {
      clusters.push(entries.map(({ path, folder }) => ({ path, reason: `platform code (${folder}): clustered apart from the services, with no tables` })));
    }
  }
  const isKept = notShared.length > 0 ? picomatch([...notShared], { dot: true }) : () => false;
  const platform: SharedKernelFile[] = [];
  for (const cluster of clusters.sort((a, b) => a.length - b.length || compareStrings(a[0]!.path, b[0]!.path))) {
    if (platform.length + cluster.length > MAX_PLATFORM_SHARE * clustered) break;
    platform.push(...cluster.filter((entry) => !isKept(entry.path)));
  }
  return platform.sort((a, b) => compareStrings(a.path, b.path));
}

/**
 * Where a file shows itself to be plumbing (`common/`, `database/`, `entry point`), or null: a
 * platform folder below its package with no business folder around it (`common/billing/` is
 * billing's), or an entry point at the top of the package's source.
 */
function getPlatformFolder(file: string, pkg: string): string | null {
  const relative = pkg === '' ? file : file.slice(pkg.length + 1);
  const segments = relative.split('/');
  const name = segments.pop()!;
  if (segments.every((segment) => SOURCE_ROOTS.has(segment)) && ENTRY_POINT.test(name)) return 'entry point';
  const domainFolders = findDomainFolders(file).filter((folder) => folder.length > pkg.length);
  if (domainFolders.some((folder) => !isPlatformFolder(folder.slice(folder.lastIndexOf('/') + 1)))) return null;
  const platformSegment = segments.find(isPlatformFolder);
  return platformSegment ? `${platformSegment}/` : null;
}

function isPlatformFolder(segment: string): boolean {
  if (hasCrossCuttingName(segment)) return true;
  const words = toSegmentWords(segment);
  return words.length > 0 && words.every((word) => INFRASTRUCTURE_WORDS.has(word));
}
