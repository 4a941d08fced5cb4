import { DEFAULT_OPTIONS } from '../../../src/config/defaults.js';
import { extractFacts, type Facts } from '../../../src/extract/index.js';
import { loadWorkspace } from '../../../src/load/index.js';
import { ignoreProgress } from '../../../src/util/progress.js';

/** The linked facts of a fixture, which keep the query and transaction ids the Analysis leaves out. */
export async function extractDataFacts(root: string): Promise<Facts> {
  return extractFacts(loadWorkspace(root, DEFAULT_OPTIONS), { progress: ignoreProgress, workers: false });
}

/** `[line, table, access, transaction]` rows of one file, the transaction id replaced by t1, t2… in order of appearance. */
export function getTransactionRows(facts: Facts, file: string): [number, string, string, string | null][] {
  const names = new Map<string, string>();
  return facts.accesses
    .filter((access) => access.file === file)
    .map((access) => {
      let transaction: string | null = null;
      if (access.transactionId) {
        if (!names.has(access.transactionId)) names.set(access.transactionId, `t${names.size + 1}`);
        transaction = names.get(access.transactionId)!;
      }
      return [access.line, access.table, access.access, transaction];
    });
}
