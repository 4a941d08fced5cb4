import { memoizeByString } from '../util/memoize.js';
import { compareStrings } from '../util/sort.js';

/** Words that name a technical layer or a convention, never a business capability. */
const GENERIC_WORDS = new Set(
  (
    'src app apps lib libs source sources module modules package packages index main server controller controllers ' +
    'service services repository repositories repo repos model models entity entities dto dtos route routes router ' +
    'routers handler handlers util utils helper helpers type types interface interfaces spec test tests ts js tsx jsx ' +
    'mjs cjs mts cts api domain domains infrastructure infra application core common shared impl base schema schemas ' +
    'resolver resolvers middleware middlewares guard guards provider providers config mapper mappers factory factories ' +
    'dao store stores view views validator validators feature features internal public private http rest graphql ' +
    'gateway gateways adapter adapters port ports usecase usecases use case cases command commands query queries ' +
    'event events listener listeners subscriber subscribers decorator decorators pipe pipes filter filters ' +
    'interceptor interceptors strategy strategies constant constants enum enums exception exceptions error errors ' +
    'request response input output args create update delete get list find v1 v2 default new old legacy the and of ' +
    // Containers of domain folders: Fastify's `plugins/<domain>/`, `subdomains/<domain>/`, `slices/<domain>/`.
    'plugin plugins bounded subdomain subdomains slice slices vertical verticals'
  ).split(' '),
);

/** The domain words of a path; memoised because clustering and naming ask for every file. */
export const toWords = memoizeByString(computeWords);

function computeWords(path: string): string[] {
  const withoutExtension = path.replace(/\.[cm]?[jt]sx?$/, '');
  const words = withoutExtension
    .split('/')
    .flatMap(toSegmentWords)
    .filter((word) => !GENERIC_WORDS.has(word));
  return [...new Set(words)];
}

/**
 * The words of one path segment, in order: split at anything that is not a letter or digit
 * (`-`, `_`, `.`, the brackets of a route folder like `[id]`) and at camelCase humps,
 * singular, without numbers and version tags (`v3`). Memoised: folder names repeat in every
 * path below them.
 */
export const toSegmentWords = memoizeByString(computeSegmentWords);

function computeSegmentWords(segment: string): string[] {
  return segment
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])/))
    .map((word) => singularize(word.toLowerCase()))
    .filter((word) => word.length > 1 && !/^v?\d+$/.test(word));
}

function singularize(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  // Singular words end in -ss, -us, -is and -as (class, status, redis, analysis, alias, canvas).
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|as)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Words that say what a file does, not what it is about (`cancel-order.ts`, `[id]/route.ts`);
 * they are left out of names only. As name tokens they still tie the files of one action
 * together.
 */
const ACTION_WORDS = new Set(
  (
    'add remove cancel confirm archive capture refund process register revoke lookup fetch set save upsert patch ' +
    'put post send handle calculate compute generate sync check reset verify exist exists count search complete ' +
    'decline retrieve read write load batch bulk id me all by to from for with in on at into is has can not no'
  ).split(' '),
);

/** A two-word name (`gift-card`) is kept when it scores at least this share of its best single word. */
const COMPOUND_SHARE = 0.85;

/** A folder names a service when it holds at least this share of the service's files… */
const MIN_FOLDER_SHARE_OF_SERVICE = 0.5;
/** …and more than this share of the folder's files are in the service, so that no other service could claim it too. */
const MIN_SERVICE_SHARE_OF_FOLDER = 0.5;

/**
 * Names each service by the module folder that holds most of it, if one does: a team that drew
 * `features/playground/` calls that code "playground", whatever words its file names repeat
 * (`feature-evaluator/`, 15 of the 31 files of Unleash's, named it `evaluator`). Else by the
 * words of its paths that are most specific to it: a word scores
 * (share of the service's files that contain it) × (share of the word's files that are in the
 * service), so a folder name shared by the whole service wins, and a layer name shared by every
 * service loses. Adjacent word pairs of one path segment score the same way, so that
 * `gift-cards/` names a service `gift-card`, not `gift`. Names are made unique with a second
 * word or a number.
 */
export function nameServices(services: string[][], allFiles: string[]): string[] {
  const overall = new Map<string, number>();
  const termsByFile = new Map<string, string[]>();
  for (const file of allFiles) {
    const terms = toNameTerms(file);
    termsByFile.set(file, terms);
    for (const term of terms) overall.set(term, (overall.get(term) ?? 0) + 1);
  }
  const folderCounts = new Map<string, number>();
  for (const file of allFiles) for (const folder of findDomainFolders(file)) folderCounts.set(folder, (folderCounts.get(folder) ?? 0) + 1);
  const used = new Set<string>();
  return services.map((files, index) => {
    const folderName = findFolderName(files, folderCounts);
    if (folderName && !used.has(folderName)) {
      used.add(folderName);
      return folderName;
    }
    const counts = new Map<string, number>();
    for (const file of files) for (const term of termsByFile.get(file) ?? toNameTerms(file)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const ranked = [...counts.entries()]
      .map(([term, count]) => ({ term, score: (count / files.length) * (count / (overall.get(term) ?? count)) }))
      .sort((a, b) => b.score - a.score || compareStrings(a.term, b.term));
    const words = ranked.filter((entry) => !entry.term.includes('-'));
    const bestWord = words[0];
    const compound = bestWord
      ? ranked.find((entry) => entry.term.includes('-') && entry.term.split('-').includes(bestWord.term))
      : undefined;
    const first = compound && compound.score >= COMPOUND_SHARE * bestWord!.score ? compound.term : bestWord?.term;
    let name = first ?? `service-${index + 1}`;
    if (used.has(name)) {
      const second = words.find((entry) => !first!.split('-').includes(entry.term) && !used.has(`${first}-${entry.term}`));
      name = second ? `${first}-${second.term}` : name;
    }
    for (let suffix = 2; used.has(name); suffix++) name = `${first ?? 'service'}-${suffix}`;
    used.add(name);
    return name;
  });
}

/**
 * The name of the folder that best coincides with the service: the share of the service in the
 * folder times the share of the folder in the service, each above half (a module `billing/`, not
 * its feature folder `billing/invoices/`; `admin/orders/`, not `admin/`), made of the folder
 * name's own domain words (`project-environments/` → `project-environment`), or null.
 */
function findFolderName(files: string[], folderCounts: Map<string, number>): string | null {
  const counts = new Map<string, number>();
  for (const file of files) for (const folder of findDomainFolders(file)) counts.set(folder, (counts.get(folder) ?? 0) + 1);
  let best: { words: string[]; length: number; score: number } | null = null;
  for (const [folder, count] of counts) {
    const size = folderCounts.get(folder)!;
    if (count < MIN_FOLDER_SHARE_OF_SERVICE * files.length || count <= MIN_SERVICE_SHARE_OF_FOLDER * size) continue;
    const words = toFolderNameWords(folder);
    if (words.length === 0) continue;
    const score = (count / files.length) * (count / size);
    if (!best || score > best.score || (score === best.score && folder.length > best.length)) best = { words, length: folder.length, score };
  }
  return best ? best.words.join('-') : null;
}

/** Every folder above `file` whose own name holds a domain word, deepest first. */
export function findDomainFolders(file: string): string[] {
  return findDomainFoldersOf(file.slice(0, Math.max(0, file.lastIndexOf('/'))));
}

/** Memoised per directory: every file of a folder asks the same question. */
const findDomainFoldersOf = memoizeByString((directory: string): string[] => {
  const segments = directory === '' ? [] : directory.split('/');
  const folders: string[] = [];
  for (let index = segments.length; index > 0; index--) {
    if (toWords(segments[index - 1]!).length > 0) folders.push(segments.slice(0, index).join('/'));
  }
  return folders;
});

/** The words a folder's own name gives a service: its domain words without action words (`search/` gives none). */
function toFolderNameWords(folder: string): string[] {
  return toSegmentWords(folder.slice(folder.lastIndexOf('/') + 1)).filter((word) => !GENERIC_WORDS.has(word) && !ACTION_WORDS.has(word));
}

/** A path's candidate name terms: its domain words without action words, and adjacent pairs of them within one segment. */
function toNameTerms(path: string): string[] {
  const terms = new Set<string>();
  for (const segment of path.replace(/\.[cm]?[jt]sx?$/, '').split('/')) {
    const words = toSegmentWords(segment).filter((word) => !GENERIC_WORDS.has(word) && !ACTION_WORDS.has(word));
    for (let index = 0; index < words.length; index++) {
      terms.add(words[index]!);
      if (index > 0 && words[index - 1] !== words[index]) terms.add(`${words[index - 1]}-${words[index]}`);
    }
  }
  return [...terms];
}
