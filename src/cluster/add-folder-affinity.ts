import { compareStrings } from '../util/sort.js';
import type { ClusteringGraph } from './build-clustering-graph.js';
import { createPackageFinder } from './create-package-finder.js';
import { createTopicIndex, type TopicIndex } from './create-topic-index.js';
import { getFileTopics, namesFolder } from './get-file-topics.js';
import { findDomainFolders, toSegmentWords, toWords } from './name-services.js';
import { SOURCE_ROOTS } from './source-roots.js';

/** Workspace packages up to this many files are tied whole. */
const MAX_PACKAGE_FILES = 60;
/** A folder needs this many files to say anything about them as a group. */
const MIN_FOLDER_FILES = 2;
/** A module folder: at most this share of its files start with a word of their own… */
const MAX_DISTINCT_TOPIC_SHARE = 0.7;
/** …or at least this share start with the folder's own name… */
const MIN_FOLDER_NAMED_SHARE = 0.3;
/** …and its few most common topics must name at least this share of its files… */
const MIN_LEADING_TOPICS_SHARE = 0.5;
const LEADING_TOPICS = 3;
/** …or at least this share of its files are about topics no file outside it is named for… */
const MIN_OWN_TOPIC_SHARE = 0.6;
/** Namesake folders of several layers are one module when at least this share of their named files is named like no other file of its layer. */
const MIN_OWN_NAME_SHARE = 0.6;
/** …as long as it holds at most this share of its package: more than half is the package, not a module. */
const MAX_PACKAGE_SHARE_OF_MODULE = 0.5;
/** Folders that hold the client side of a full-stack repository (`web/` is as often a server's HTTP layer). */
const CLIENT_SIDE_FOLDERS = new Set(['client', 'clients', 'frontend', 'front-end', 'front_end', 'webapp', 'web-app', 'ui', 'www', 'spa', 'mobile', 'ios', 'android', 'desktop']);
/** A folder of module folders whose few topics lead needs this share of them to be its own. */
const MIN_OWN_TOPIC_SHARE_OF_ENCLOSING = 0.3;

/**
 * Ties the files of one domain-named folder to a node standing for the folder, with `weight`
 * per file. A modular monolith says where its modules are by folders (`features/playground/`,
 * `services/members/`, `modules/ordering/`); imports alone split or merge them wherever one module
 * calls another often (on Unleash's 43 feature folders seams' services agreed with the folders
 * at ARI 0.18 without this tie).
 *
 * A file belongs to every folder above it whose name is a domain word, not a layer
 * (`src/modules/billing/invoices/services/x.ts` → `src/modules/billing/invoices` and
 * `src/modules/billing`): a large module organised in feature folders is one module, and without
 * the tie to it its features came apart as services of their own (generated modular monoliths
 * with feature folders: ARI 0.84 → 0.99). Files under layer folders only (`src/services/`) get
 * no tie. A folder named like no layer may still be one (`jobs/`, `db/`): one file per entity,
 * `invoice-reminder.job.ts`, `user-cleanup.job.ts`; isModuleFolder tells the two apart by the
 * file names. Namesake folders of several layers (`services/billing/`, `controllers/billing/`)
 * are tied to one node (findNamesakeFolders). A small workspace package is tied whole instead,
 * whatever its folders are called (findSmallPackages).
 */
export function addFolderAffinity(graph: ClusteringGraph, weight: number, packageFolders: readonly string[] = []): void {
  if (weight <= 0) return;
  const files: string[] = [];
  graph.forEachNode((node, attributes) => {
    if (attributes.type === 'file') files.push(node);
  });
  const packageOf = findSmallPackages(files, packageFolders);
  const filesByFolder = new Map<string, string[]>();
  // What each member stands for when the folder is judged: the file itself, or, in a folder
  // that encloses other domain folders, the one it is in, named for its topic.
  const partsByFolder = new Map<string, string[]>();
  for (const file of files) {
    const folder = packageOf.get(file);
    const enclosing = folder ? [folder] : findDomainFolders(file);
    enclosing.forEach((tied, index) => {
      const members = filesByFolder.get(tied) ?? [];
      const parts = partsByFolder.get(tied) ?? [];
      members.push(file);
      parts.push(index === 0 ? file : enclosing[index - 1]!);
      filesByFolder.set(tied, members);
      partsByFolder.set(tied, parts);
    });
  }
  const packages = new Set(packageOf.values());
  const topics = createTopicIndex(files, packageFolders);
  const folders = [...filesByFolder.keys()].sort(compareStrings);
  const modules = new Set(
    folders.filter((folder) => {
      const members = filesByFolder.get(folder)!;
      if (members.length < MIN_FOLDER_FILES) return false;
      return packages.has(folder) || isModuleFolder(folder, members, partsByFolder.get(folder)!, topics);
    }),
  );
  const ties = new Map<string, string[]>();
  for (const folder of modules) ties.set(folder, filesByFolder.get(folder)!);
  // A folder of domain folders (`api/routes/admin/` with `orders/`, `products/`…) is an area
  // of many modules, never a domain's share of one layer.
  const areas = new Set(folders.filter((folder) => partsByFolder.get(folder)!.some((part, index) => part !== filesByFolder.get(folder)![index])));
  const candidates = folders.filter((folder) => !areas.has(folder) && !packages.has(folder));
  for (const group of findNamesakeFolders(candidates, modules, topics)) {
    if (!isNamesakeModule(group, filesByFolder, topics)) continue;
    for (const folder of group) ties.delete(folder);
    // No folder of a group is inside another, so no file is in two of them.
    ties.set(`${group[0]!}+${group.length - 1}`, group.flatMap((folder) => filesByFolder.get(folder)!));
  }
  for (const tie of [...ties.keys()].sort(compareStrings)) {
    const node = `folder:${tie}`;
    graph.addNode(node, { type: 'folder' });
    for (const file of [...ties.get(tie)!].sort(compareStrings)) graph.addEdge(file, node, { weight });
  }
}

/**
 * Folders of one name in different layers of one package (`services/billing/`,
 * `controllers/billing/`, `jobs/billing/`): a layered backend that groups each layer's files by
 * domain names the domain once per layer, and the folders together are its module. Only folders
 * inside no module are joined: `billing/invoices/` and `shipping/invoices/` are parts of two. Only
 * folders of one app: `api/src/users/` and `worker/src/users/`, or `server/src/users/` and
 * `client/src/users/` of a full-stack repository, are two sides of the product, not two layers of
 * one module. A namesake inside another of its group (`billing/billing/`) stays out of it.
 */
function findNamesakeFolders(folders: readonly string[], modules: ReadonlySet<string>, topics: TopicIndex): string[][] {
  const byName = new Map<string, string[]>();
  for (const folder of folders) {
    const enclosing = findDomainFolders(folder);
    if (enclosing.some((outer) => modules.has(outer))) continue;
    const name = toSegmentWords(folder.slice(folder.lastIndexOf('/') + 1)).join('-');
    const pkg = topics.getPackage(folder);
    const key = `${pkg}\0${getAppOf(pkg === '' ? folder : folder.slice(pkg.length + 1))}\0${name}`;
    const group = byName.get(key) ?? [];
    group.push(folder);
    byName.set(key, group);
  }
  return [...byName.values()]
    .map((group) => group.filter((folder) => !group.some((other) => folder.startsWith(`${other}/`))))
    .filter((group) => group.length > 1);
}

/**
 * Which app of a package a folder belongs to: the folders above its source root (`api` in
 * `api/src/users`), and whether it is on the client side (`client/`, `frontend/`, … without a
 * source root: `frontend/users/` beside `backend/users/`).
 */
function getAppOf(relativeFolder: string): string {
  const segments = relativeFolder.split('/');
  const sourceRoot = segments.findIndex((segment) => SOURCE_ROOTS.has(segment));
  const app = sourceRoot > 0 ? segments.slice(0, sourceRoot).join('/') : '';
  const clientSide = segments.some((segment) => CLIENT_SIDE_FOLDERS.has(segment.toLowerCase()));
  return `${app}\0${clientSide}`;
}

/**
 * The workspace package of each file, for packages of at most MAX_PACKAGE_FILES files: a small
 * package (`packages/db`, `apps/worker`) is one unit its authors chose, and is tied whole. A
 * large one is the monolith being split (`apps/api`), left to its folders.
 */
function findSmallPackages(files: readonly string[], packageFolders: readonly string[]): Map<string, string> {
  const packageOf = new Map<string, string>();
  if (packageFolders.length === 0) return packageOf;
  const getPackage = createPackageFinder(packageFolders);
  const members = new Map<string, string[]>();
  for (const file of files) {
    const folder = getPackage(file);
    if (!folder) continue;
    const list = members.get(folder) ?? [];
    list.push(file);
    members.set(folder, list);
  }
  for (const [folder, list] of members) {
    if (list.length > MAX_PACKAGE_FILES) continue;
    for (const file of list) packageOf.set(file, folder);
  }
  return packageOf;
}

/**
 * Whether a folder is a module: its parts (files, and the module folders inside it, named for
 * their topic) are about one topic, or about topics of its own. So `billing/` that encloses
 * `invoices/` and `payouts/` is a module, and `api/admin/` that encloses `orders/`, `products/`,
 * … is not: those names recur outside it (`services/order.ts`, `api/store/orders/`).
 */
function isModuleFolder(folder: string, members: string[], parts: string[], topics: TopicIndex): boolean {
  const pkg = topics.getPackage(folder);
  // A folder that is or holds a workspace package (`apps/worker/`) is no module of one.
  if (topics.getPackage(members[0]!) !== pkg) return false;
  const partTopics = getFileTopics(folder, parts);
  let ownShare: number | undefined;
  const getOwnShare = () => {
    ownShare ??= partTopics.filter((topic) => topics.isConfinedTo(pkg, topic, folder)).length / parts.length;
    return ownShare;
  };
  // Few module folders inside one look like few topics, so a folder of route folders
  // (`api/admin/orders/`, `api/admin/products/`, names found in every layer) needs its own
  // name, or some topics of its own besides (Unleash's `metrics/` with `last-seen/`).
  const encloses = parts.some((part, index) => part !== members[index]);
  if (isOneTopic(folder, partTopics, () => !encloses || getOwnShare() >= MIN_OWN_TOPIC_SHARE_OF_ENCLOSING)) return true;
  // Topics of its own: a module of several entities (`billing/` with `invoice.*`, `ledger.*`,
  // `refund.*`) has as many topics as a layer folder, but no file of its package outside it is
  // named for them, where a layer's entities recur in every other layer
  // (`services/invoice.service.ts` beside `controllers/invoice.controller.ts`). A folder that
  // holds most of its package is the package (`src/app/` of a flat project), not one of its modules.
  return members.length <= MAX_PACKAGE_SHARE_OF_MODULE * topics.countFiles(pkg) && getOwnShare() >= MIN_OWN_TOPIC_SHARE;
}

/**
 * Whether namesake folders of several layers are together one module: most of their files are
 * named like no other file of their own layer. A domain's folder holds the layer's files for
 * its entities, each once (`controllers/billing/invoice.controller.ts`, and no other invoice
 * controller), whether or not the other layers are grouped by domain too (`models/invoice.ts`
 * may sit in a flat `models/`). An audience folder repeats its layer's names
 * (`controllers/admin/order.controller.ts` beside `controllers/store/order.controller.ts` or
 * `controllers/order.controller.ts`). Whole names, not first words: in a large backend first
 * words recur across domains (`invoice-batch` in billing, `invoice` in accounting). Files named
 * for no domain word (`index.ts`, `types.ts`) say nothing either way. Namesakes sit side by side
 * and none wraps its package, so together they may hold most of it.
 */
function isNamesakeModule(group: readonly string[], filesByFolder: ReadonlyMap<string, string[]>, topics: TopicIndex): boolean {
  const pkg = topics.getPackage(group[0]!);
  let named = 0;
  let own = 0;
  for (const folder of group) {
    const layer = folder.slice(0, Math.max(0, folder.lastIndexOf('/')));
    for (const file of filesByFolder.get(folder)!) {
      if (topics.getPackage(file) !== pkg) return false;
      if (toWords(file.slice(file.lastIndexOf('/') + 1)).length === 0) continue;
      named++;
      if (!topics.hasNamesakeIn(pkg, file, layer, folder)) own++;
    }
  }
  return named > 0 && own >= MIN_OWN_NAME_SHARE * named;
}

/**
 * Whether a folder's files are about one topic rather than one role. A file name starts with
 * its topic (`order.service.ts`, `members-api.js`) and ends with its role (`artist-sync.job.ts`):
 * a layer folder has a different first word in nearly every file, one per entity; a module
 * repeats a few (`order.*`, `order-item.*`) or starts with its own name. A large layer folder
 * repeats first words too, because entity names share them (`product-event`,
 * `product-variant-event`, `product-option-event`…), but spread over many: its three most common
 * topics name few of its files (Vendure's `event-bus`, 66 files: 14; Ghost's `api/endpoints`,
 * Unleash's `openapi` schemas), where a module's name most of them. The second test is only made
 * where `mayLeadingTopicsTell` allows it.
 */
function isOneTopic(folder: string, topics: string[], mayLeadingTopicsTell: () => boolean): boolean {
  if (topics.length === 0) return true;
  const namingFolder = topics.filter((topic) => namesFolder(folder, topic)).length;
  if (namingFolder >= MIN_FOLDER_NAMED_SHARE * topics.length) return true;
  const counts = new Map<string, number>();
  for (const topic of topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const leading = sorted.slice(0, LEADING_TOPICS).reduce((sum, count) => sum + count, 0);
  return leading >= MIN_LEADING_TOPICS_SHARE * topics.length && counts.size <= MAX_DISTINCT_TOPIC_SHARE * topics.length && mayLeadingTopicsTell();
}
