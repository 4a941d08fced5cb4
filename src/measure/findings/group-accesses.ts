import type { DataAccessFact } from '../../extract/facts.js';
import { compareStrings } from '../../util/sort.js';

/**
 * Accesses grouped by the query or transaction they belong to. Adapters number queries and
 * transactions per file, so the group key is the file plus the id.
 */
export function groupAccesses(accesses: DataAccessFact[], by: 'queryId' | 'transactionId'): DataAccessFact[][] {
  const groups = new Map<string, DataAccessFact[]>();
  for (const access of accesses) {
    const id = access[by];
    if (id === undefined) continue;
    const key = `${access.file}\0${id}`;
    const list = groups.get(key) ?? [];
    list.push(access);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, list]) => list.sort((a, b) => a.line - b.line || compareStrings(a.table, b.table)));
}

/** The owner of each table the accesses touch, when the table has one. */
export function getOwners(accesses: DataAccessFact[], ownerOf: Map<string, string | null>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const access of accesses) {
    const owner = ownerOf.get(access.table);
    if (owner) owners.set(access.table, owner);
  }
  return owners;
}
