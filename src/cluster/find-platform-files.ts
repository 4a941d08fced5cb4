import type { SharedKernelFile } from '../graph/dependency-graph.js';
import { compareStrings } from '../util/sort.js';
import type { ClusteringGraph } from './build-clustering-graph.js';
import { createPackageFinder } from './create-package-finder.js';
import { findDomainFolders, toSegmentWords } from './name-services.js';

/** Folders that hold a project's plumbing, not a business capability. */
const PLATFORM_FOLDER_WORDS = new Set(
  (
    'common shared core infra infrastructure platform kernel config configuration database db logging logger log ' +
    'health healthcheck bootstrap telemetry observability monitoring tracing'
  ).split(' '),
);
/** Entry points at the top of a package's source: they start the process and wire the rest. */
const ENTRY_POINT = /^(main|server|app|index|bootstrap|instrument|tracing)(\.module)?\.[cm]?[jt]sx?$/;
const SOURCE_ROOTS = new Set(['src', 'lib', 'app', 'source']);
/** Platform code set aside may be at most this share of the clustered files: more is the project. */
const MAX_PLATFORM_SHARE = 0.2;

/**
 * Finds candidate services that are plumbing: every file in a platform folder (`common/`,
 * `database/`, `config/`, `logging/`, with no business folder around it) or an entry point
 * (`src/main.ts`), and no table among them. Clustering groups such files because they import
 * each other (the database module, its config, the TypeORM options), not because they are a
 * service: named "database" or "logging", they were the first thing a reader doubted. They join
 * the shared kernel with the reason, as platform code each service gets a copy of, or a library.
 * `communities` is a clustering of `projection`, small communities merged; files in `setAside` (found spanning services in the same
 * run) are not counted, and pinned and grouped files stay where the user put them.
 */
export function findPlatformFiles(
  projection: ClusteringGraph,
  communities: ReadonlyMap<string, number>,
  packageFolders: readonly string[],
  isConstrained: (path: string) => boolean,
  setAside: ReadonlySet<string>,
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
  const platform: { files: string[]; folders: string[] }[] = [];
  for (const [community, files] of members) {
    if (withTables.has(community) || files.some(isConstrained)) continue;
    const folders = files.map((file) => getPlatformFolder(file, getPackage(file)));
    if (folders.every((folder) => folder !== null)) platform.push({ files, folders: folders as string[] });
  }
  const total = platform.reduce((sum, { files }) => sum + files.length, 0);
  if (total === 0 || total > MAX_PLATFORM_SHARE * clustered) return [];
  return platform
    .flatMap(({ files, folders }) =>
      files.map((path, index) => ({ path, reason: `platform code (${folders[index]}): clustered apart from the services, with no tables` })),
    )
    .sort((a, b) => compareStrings(a.path, b.path));
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
  const words = toSegmentWords(segment);
  return words.length > 0 && words.every((word) => PLATFORM_FOLDER_WORDS.has(word));
}
