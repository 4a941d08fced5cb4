import type { Finding, Service, Table } from '../../types.js';
import type { MeasureInput, ServiceEdge } from '../service-view.js';

export interface FindingInput extends MeasureInput {
  edges: ServiceEdge[];
  tables: Table[];
  services: Service[];
}

/** Every finding detector, run in turn; each returns its findings with stable ids. */
export function findFindings(_input: FindingInput): Finding[] {
  return [];
}
