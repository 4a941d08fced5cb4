import type { DataAccessFact } from '../../extract/facts.js';
import type { Finding } from '../../types.js';
import { compareStrings } from '../../util/sort.js';
import { capEvidence, createFinding, toList, toPlace } from './create-finding.js';
import { type FindingInput, getServiceOf } from './finding-input.js';

/**
 * Tables that more than one service touches. Written by several services: high (after a split
 * only one may write); written by one and read by others: medium (the readers need an API or a
 * replicated read model); only read by several: low. The suggested owner is the table's owner,
 * the service that writes it most.
 */
export function findSharedTables(input: FindingInput): Finding[] {
  const serviceOf = getServiceOf(input);
  const accessesByTable = new Map<string, DataAccessFact[]>();
  for (const access of input.facts.accesses) {
    const list = accessesByTable.get(access.table) ?? [];
    list.push(access);
    accessesByTable.set(access.table, list);
  }
  const findings: Finding[] = [];
  for (const table of input.tables) {
    const accessors = table.accessors.filter((accessor) => accessor.service !== null);
    if (accessors.length < 2) continue;
    const writers = accessors.filter((accessor) => accessor.writes > 0).map((accessor) => accessor.service!);
    const services = accessors.map((accessor) => accessor.service!);
    const owner = table.owner ?? writers[0] ?? services[0]!;
    const others = services.filter((service) => service !== owner);
    const severity = writers.length > 1 ? 'high' : writers.length === 1 ? 'medium' : 'low';
    const accesses = (accessesByTable.get(table.name) ?? [])
      .filter((access) => serviceOf(access.file) !== null)
      .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.access, b.access));
    const foreign = accesses.filter((access) => serviceOf(access.file) !== owner);
    const message =
      writers.length > 1
        ? `Table ${table.name} is written by ${writers.length} services (${toList(writers)})`
        : writers.length === 1
          ? `Table ${table.name} is written by ${writers[0]} and read by ${toList(services.filter((s) => s !== writers[0]))}`
          : `Table ${table.name} is read by ${services.length} services (${toList(services)})`;
    const writingOthers = others.filter((service) => writers.includes(service));
    const readingOthers = others.filter((service) => !writers.includes(service));
    const suggestion = [
      `Make ${owner} the owner of ${table.name}.`,
      writingOthers.length > 0 ? `${toList(writingOthers)} should change it through an API of ${owner} instead of writing it.` : '',
      readingOthers.length > 0
        ? `${toList(readingOthers)} should read it through an API of ${owner}, or keep a read model replicated from ${owner}'s events.`
        : '',
    ]
      .filter((sentence) => sentence !== '')
      .join(' ');
    findings.push(
      createFinding({
        kind: 'shared-table',
        severity,
        message,
        locations: foreign.map(({ file, line }) => ({ file, line })),
        evidence: capEvidence(accesses.map(
          (access) => `${serviceOf(access.file)} ${access.access === 'write' ? 'writes' : 'reads'} ${table.name} at ${toPlace(access)} (${access.via})`,
        )),
        suggestion,
        services,
        key: [table.name],
      }),
    );
  }
  return findings;
}
