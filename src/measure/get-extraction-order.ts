import type { ExtractionStep, FileEdge, Finding, Service, Table } from '../types.js';
import { compareStrings } from '../util/sort.js';

/** Effort units per obstacle: one cross-service edge (a call to redirect through an API) is 1. */
export const EXTRACTION_COSTS = { edge: 1, sharedTable: 3, transaction: 5, cycle: 5 } as const;

/**
 * The strangler-fig plan: services ranked by the cost of carving each one out of the monolith,
 *
 *   cost(s) = E(s) + 3·T(s) + 5·X(s) + 5·C(s)
 *
 * E: file edges that cross the boundary of s (either direction), each a call to turn into an API
 * call; T: shared tables s touches, each a data migration plus an API; X: cross-service
 * transactions that involve s, each a saga or outbox; C: cross-service cycles s is part of, which
 * must be broken before anything moves. The weights are a heuristic (a table or a transaction is
 * a few days of work where an import is an hour); the parts are reported so the team can re-weigh.
 * Cheapest first, ties by name: extract the loosely held services first and learn on them.
 */
export function getExtractionOrder(input: {
  services: Service[];
  edges: FileEdge[];
  tables: Table[];
  findings: Finding[];
  serviceOf: (file: string) => string | null;
}): ExtractionStep[] {
  const crossingByService = new Map<string, number>();
  for (const edge of input.edges) {
    const from = input.serviceOf(edge.from);
    const to = input.serviceOf(edge.to);
    if (from === null || to === null || from === to) continue;
    crossingByService.set(from, (crossingByService.get(from) ?? 0) + 1);
    crossingByService.set(to, (crossingByService.get(to) ?? 0) + 1);
  }
  const steps = input.services.map((service) => {
    const crossServiceEdges = crossingByService.get(service.id) ?? 0;
    const sharedTables = input.tables.filter(
      (table) => table.shared && table.accessors.some((accessor) => accessor.service === service.id),
    ).length;
    const involving = (kind: string) =>
      input.findings.filter((finding) => finding.kind === kind && finding.services.includes(service.id)).length;
    const crossServiceTransactions = involving('cross-service-transaction');
    const cycles = involving('cross-service-cycle');
    const cost =
      crossServiceEdges * EXTRACTION_COSTS.edge +
      sharedTables * EXTRACTION_COSTS.sharedTable +
      crossServiceTransactions * EXTRACTION_COSTS.transaction +
      cycles * EXTRACTION_COSTS.cycle;
    return { rank: 0, service: service.id, cost, crossServiceEdges, sharedTables, crossServiceTransactions, cycles };
  });
  return steps
    .sort((a, b) => a.cost - b.cost || compareStrings(a.service, b.service))
    .map((step, index) => ({ ...step, rank: index + 1 }));
}
