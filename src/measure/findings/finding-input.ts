import type { Service, Table } from '../../types.js';
import type { MeasureInput, ServiceEdge } from '../service-view.js';

/** What every detector reads: the measure input plus the file edges, tables and services built from it. */
export interface FindingInput extends MeasureInput {
  edges: ServiceEdge[];
  tables: Table[];
  services: Service[];
}

/** The service a file was placed in, or null for shared-kernel and unassigned files. */
export function getServiceOf(input: Pick<FindingInput, 'decomposition'>): (file: string) => string | null {
  return (file) => input.decomposition.assignments.get(file)?.service ?? null;
}
