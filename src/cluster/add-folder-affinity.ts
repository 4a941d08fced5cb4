import { memoizeByString } from '../util/memoize.js';
import { compareStrings } from '../util/sort.js';
import type { ClusteringGraph } from './build-clustering-graph.js';
import { toWords } from './name-services.js';

/** Workspace packages up to this many files are tied whole. */
const MAX_PACKAGE_FILES = 60;
/** A folder needs this many files to say anything about them as a group. */
const MIN_FOLDER_FILES = 2;
/** A module folder: at most this share of its files start with a word of their own… */
const MAX_DISTINCT_TOPIC_SHARE = 0.7;
/** …or at least this share start with the folder's own name. */
const MIN_FOLDER_NAMED_SHARE = 0.3;
/** A first word in at least this share of a folder's files is a role (`sync-*`), unless it names the folder. */
const ROLE_SHARE = 0.8;
/** …and its few most common topics must name at least this share of its files. */
const MIN_LEADING_TOPICS_SHARE = 0.5;
const LEADING_TOPICS = 3;

/**
 * Ties the files of one domain-named folder to a node standing for the folder, with `weight`
 * per file. A modular monolith says where its modules are by folders (`features/playground/`,
 * `services/members/`, `modules/ordering/`); imports alone split or merge them wherever one module
 * calls another often (on Unleash's 43 feature folders seams' services agreed with the folders
 * at ARI 0.18 without this tie).
 *
 * Each file belongs to its deepest folder whose name is a domain word, not a layer
 * (`src/modules/ordering/services/x.ts` → `src/modules/ordering`); files under layer folders only
 * (`src/services/`) get no tie. A folder named like no layer may still be one (`jobs/`,
 * `db/`): one file per entity, `invoice-reminder.job.ts`, `user-cleanup.job.ts`; isOneTopic
 * tells the two apart by the first words of the file names. A small workspace package is tied
 * whole instead, whatever its folders are called (findSmallPackages).
 */
export function addFolderAffinity(graph: ClusteringGraph, weight: number, packageFolders: readonly string[] = []): void {
  if (weight <= 0) return;
  const files: string[] = [];
  graph.forEachNode((node, attributes) => {
    if (attributes.type === 'file') files.push(node);
  });
  const packageOf = findSmallPackages(files, packageFolders);
  const filesByFolder = new Map<string, string[]>();
  for (const file of files) {
    const folder = packageOf.get(file) ?? findDomainFolder(file);
    if (!folder) continue;
    const list = filesByFolder.get(folder) ?? [];
    list.push(file);
    filesByFolder.set(folder, list);
  }
  const packages = new Set(packageOf.values());
  for (const folder of [...filesByFolder.keys()].sort(compareStrings)) {
    const members = filesByFolder.get(folder)!;
    if (members.length < MIN_FOLDER_FILES || (!packages.has(folder) && !isOneTopic(folder, members))) continue;
    const node = `folder:${folder}`;
    graph.addNode(node, { type: 'folder' });
    for (const file of members.sort(compareStrings)) graph.addEdge(file, node, { weight });
  }
}

/**
 * The workspace package of each file, for packages of at most MAX_PACKAGE_FILES files: a small
 * package (`packages/db`, `apps/worker`) is one unit its authors chose, and is tied whole. A
 * large one is the monolith being split (`apps/api`), left to its folders.
 */
function findSmallPackages(files: readonly string[], packageFolders: readonly string[]): Map<string, string> {
  const packageOf = new Map<string, string>();
  if (packageFolders.length === 0) return packageOf;
  // Deepest first, so that a package nested in another claims its own files.
  const folders = [...packageFolders].filter((folder) => folder !== '').sort((a, b) => b.length - a.length || compareStrings(a, b));
  const members = new Map<string, string[]>();
  for (const file of files) {
    const folder = folders.find((candidate) => file.startsWith(`${candidate}/`));
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

/** The deepest folder of `file` whose own name holds a domain word, or null. */
function findDomainFolder(file: string): string | null {
  return findDomainFolderOf(file.slice(0, Math.max(0, file.lastIndexOf('/'))));
}

/** Memoised per directory: every file of a folder asks the same question. */
const findDomainFolderOf = memoizeByString((directory: string): string | null => {
  const segments = directory === '' ? [] : directory.split('/');
  for (let index = segments.length; index > 0; index--) {
    if (toWords(segments[index - 1]!).length > 0) return segments.slice(0, index).join('/');
  }
  return null;
});

/**
 * Whether a folder's files are about one topic rather than one role. A file name starts with
 * its topic (`order.service.ts`, `members-api.js`) and ends with its role (`artist-sync.job.ts`):
 * a layer folder has a different first word in nearly every file, one per entity; a module
 * repeats a few (`order.*`, `order-item.*`) or starts with its own name. A large layer folder
 * repeats first words too, because entity names share them (`product-event`,
 * `product-variant-event`, `product-option-event`…), but spread over many: its three most common
 * topics name few of its files (Vendure's `event-bus`, 66 files: 14; Ghost's `api/endpoints`,
 * Unleash's `openapi` schemas), where a module's name most of them.
 */
function isOneTopic(folder: string, files: string[]): boolean {
  const folderWords = toWords(folder.slice(folder.lastIndexOf('/') + 1));
  const namesFolder = (word: string) => folderWords.some((folderWord) => isSameStem(word, folderWord));
  const names = files.map((file) => toWords(file.slice(file.lastIndexOf('/') + 1))).filter((words) => words.length > 0);
  if (names.length === 0) return true;
  // A verb every file starts with (`sync-order.job.ts`, `sync-user.job.ts`) is the role; the topic follows it.
  const firstCounts = new Map<string, number>();
  for (const [first] of names) firstCounts.set(first!, (firstCounts.get(first!) ?? 0) + 1);
  const isRole = (word: string) => names.length >= 3 && firstCounts.get(word)! >= ROLE_SHARE * names.length && !namesFolder(word);
  const topics = names.map((words) => (isRole(words[0]!) && words.length > 1 ? words[1]! : words[0]!));
  const namingFolder = topics.filter(namesFolder).length;
  if (namingFolder >= MIN_FOLDER_NAMED_SHARE * topics.length) return true;
  const counts = new Map<string, number>();
  for (const topic of topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const leading = sorted.slice(0, LEADING_TOPICS).reduce((sum, count) => sum + count, 0);
  return leading >= MIN_LEADING_TOPICS_SHARE * topics.length && counts.size <= MAX_DISTINCT_TOPIC_SHARE * topics.length;
}

/** `order` and `ordering`, `member` and `members`: one word, as far as naming a topic goes. */
function isSameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}
