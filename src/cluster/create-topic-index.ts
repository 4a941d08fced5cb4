import { createPackageFinder } from './create-package-finder.js';
import { toWords } from './name-services.js';

export interface TopicIndex {
  /** The workspace package a path is in (its deepest package folder), or '' for the root project. */
  getPackage(path: string): string;
  /** How many files the package holds. */
  countFiles(pkg: string): number;
  /** Whether every file of the package whose name, or the name of a folder it is in, holds `word` is inside `folder`. */
  isConfinedTo(pkg: string, word: string, folder: string): boolean;
  /** Whether a file of the package named like `file` (by its domain words, in order) is inside `within` but not inside `except`. */
  hasNamesakeIn(pkg: string, file: string, within: string, except: string): boolean;
}

/**
 * Where each domain word of the paths occurs, per workspace package: a module's own
 * vocabulary (`invoice`, `ledger` in `modules/billing/`) occurs nowhere else in its package, a
 * layer's (`controllers/invoice.controller.ts`) occurs in every other layer too. Per package,
 * because the apps of one monorepo share their entities' names (`apps/api/…/invoice.service.ts`,
 * `apps/worker/…/invoice.job.ts`) without sharing modules. Folder names count as much as file
 * names: `jobs/billing/` owns no `billing` when `services/billing/` exists. A file's whole name
 * (`invoice-batch`) is indexed too, for folders whose first words recur by chance.
 */
export function createTopicIndex(files: readonly string[], packageFolders: readonly string[]): TopicIndex {
  const getPackage = createPackageFinder(packageFolders);
  const filesByWord = new Map<string, string[]>();
  const fileCounts = new Map<string, number>();
  for (const file of files) {
    const pkg = getPackage(file);
    fileCounts.set(pkg, (fileCounts.get(pkg) ?? 0) + 1);
    const directory = file.slice(pkg === '' ? 0 : pkg.length + 1, Math.max(0, file.lastIndexOf('/')));
    const words = new Set([...toWords(file.slice(file.lastIndexOf('/') + 1)), ...toWords(directory)]);
    words.add(toNameKey(file));
    for (const word of words) {
      const key = `${pkg}\0${word}`;
      const list = filesByWord.get(key);
      if (list) list.push(file);
      else filesByWord.set(key, [file]);
    }
  }
  return {
    getPackage,
    countFiles: (pkg) => fileCounts.get(pkg) ?? 0,
    isConfinedTo(pkg, word, folder) {
      const prefix = `${folder}/`;
      return (filesByWord.get(`${pkg}\0${word}`) ?? []).every((file) => file.startsWith(prefix));
    },
    hasNamesakeIn(pkg, file, within, except) {
      const [inside, excluded] = [within === '' ? '' : `${within}/`, `${except}/`];
      return (filesByWord.get(`${pkg}\0${toNameKey(file)}`) ?? []).some((other) => other.startsWith(inside) && !other.startsWith(excluded));
    },
  };
}

/** A file's domain words in order (`invoice-batch` for `invoice-batch.service.ts`), kept apart from single words by its `=`. */
function toNameKey(file: string): string {
  return `=${toWords(file.slice(file.lastIndexOf('/') + 1)).join('-')}`;
}
