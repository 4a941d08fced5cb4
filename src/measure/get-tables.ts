import type { DataAccessFact } from '../extract/facts.js';
import type { Table, TableAccessor } from '../types.js';
import { compareStrings, uniqueSorted } from '../util/sort.js';
import type { MeasureInput } from './service-view.js';

/**
 * Each table with who reads and writes it. The owner is the service that writes it most (then
 * reads most, then the community clustering put the table in); a table is shared when more than
 * one service touches it.
 */
export function getTables(input: MeasureInput): Table[] {
  const { facts, decomposition } = input;
  const byTable = new Map<string, DataAccessFact[]>();
  for (const access of facts.accesses) {
    const list = byTable.get(access.table) ?? [];
    list.push(access);
    byTable.set(access.table, list);
  }
  return facts.tables.map((table) => {
    const accessorsByService = new Map<string, { service: string | null; files: Set<string>; reads: number; writes: number }>();
    for (const access of byTable.get(table.name) ?? []) {
      const service = decomposition.assignments.get(access.file)?.service ?? null;
      const key = service ?? '\0';
      const accessor = accessorsByService.get(key) ?? { service, files: new Set<string>(), reads: 0, writes: 0 };
      accessor.files.add(access.file);
      if (access.access === 'write') accessor.writes += 1;
      else accessor.reads += 1;
      accessorsByService.set(key, accessor);
    }
    const accessors: TableAccessor[] = [...accessorsByService.values()]
      .map((accessor) => ({ service: accessor.service, files: uniqueSorted(accessor.files), reads: accessor.reads, writes: accessor.writes }))
      .sort((a, b) => compareStrings(a.service ?? '', b.service ?? ''));
    const candidates = accessors.filter((accessor) => accessor.service !== null);
    const community = decomposition.tableCommunities.get(table.name) ?? null;
    const owner =
      [...candidates].sort(
        (a, b) =>
          b.writes - a.writes ||
          b.reads - a.reads ||
          Number(b.service === community) - Number(a.service === community) ||
          compareStrings(a.service!, b.service!),
      )[0]?.service ?? community;
    return {
      name: table.name,
      kind: table.kind,
      declaredIn: [...table.declaredIn].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line),
      owner,
      accessors,
      shared: candidates.length > 1,
    };
  });
}
