import { createPackageFinder } from './create-package-finder.js';
import { toWords } from './name-services.js';

export interface TopicIndex {
  /** The workspace package a path is in (its deepest package folder), or '' for the root project. */
  getPackage(path: string): string;
  /** How many files the package holds. */
  countFiles(pkg: string): number;
  /** Whether every file of the package whose name holds `word` is inside `folder`. */
  isConfinedTo(pkg: string, word: string, folder: string): boolean;
}

/**
 * Where each domain word of the file names occurs, per workspace package: a module's own
 * vocabulary (`invoice`, `ledger` in `modules/billing/`) occurs nowhere else in its package, a
 * layer's (`controllers/invoice.controller.ts`) occurs in every other layer too. Per package,
 * because the apps of one monorepo share their entities' names (`apps/api/…/invoice.service.ts`,
 * `apps/worker/…/invoice.job.ts`) without sharing modules.
 */
export function createTopicIndex(files: readonly string[], packageFolders: readonly string[]): TopicIndex {
  const getPackage = createPackageFinder(packageFolders);
  const filesByWord = new Map<string, string[]>();
  const fileCounts = new Map<string, number>();
  for (const file of files) {
    const pkg = getPackage(file);
    fileCounts.set(pkg, (fileCounts.get(pkg) ?? 0) + 1);
    for (const word of toWords(file.slice(file.lastIndexOf('/') + 1))) {
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
  };
}
