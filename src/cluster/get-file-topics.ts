import { toWords } from './name-services.js';

/** A first word in at least this share of a folder's files is a role (`sync-*`), unless it names the folder. */
const ROLE_SHARE = 0.8;

/**
 * What each file of a folder is about: a file name starts with its topic (`order.service.ts`,
 * `members-api.js`) and ends with its role (`artist-sync.job.ts`), unless every file of the
 * folder starts with the same verb (`sync-order.job.ts`, `sync-user.job.ts`): then that is the
 * role and the topic follows it. Files whose names hold no domain word have no topic.
 */
export function getFileTopics(folder: string, files: readonly string[]): string[] {
  const names = files.map((file) => toWords(file.slice(file.lastIndexOf('/') + 1))).filter((words) => words.length > 0);
  const firstCounts = new Map<string, number>();
  for (const [first] of names) firstCounts.set(first!, (firstCounts.get(first!) ?? 0) + 1);
  const isRole = (word: string) => names.length >= 3 && firstCounts.get(word)! >= ROLE_SHARE * names.length && !namesFolder(folder, word);
  return names.map((words) => (isRole(words[0]!) && words.length > 1 ? words[1]! : words[0]!));
}

/** Whether `word` is (a form of) a word of the folder's own name. */
export function namesFolder(folder: string, word: string): boolean {
  return toWords(folder.slice(folder.lastIndexOf('/') + 1)).some((folderWord) => isSameStem(word, folderWord));
}

/** `order` and `ordering`, `member` and `members`: one word, as far as naming a topic goes. */
function isSameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}
