import type { SharedKernelFile } from '../graph/dependency-graph.js';
import type { CurvePoint } from '../types.js';

export interface ServiceAssignment {
  service: string | null;
  role: 'service' | 'shared' | 'unassigned';
  placement: 'cluster' | 'folder' | 'pinned' | 'table-owner' | 'shared' | 'schema-history' | 'none';
  confidence: number;
}

export interface CandidateService {
  id: string;
  name: string;
  files: string[];
  tables: string[];
  confidence: number;
}

/** What the cluster stage hands to measure: services, and each file's place and confidence. */
export interface Decomposition {
  services: CandidateService[];
  /** The graph stage's shared kernel plus the files clustering showed to span services. */
  sharedKernel: SharedKernelFile[];
  assignments: Map<string, ServiceAssignment>;
  /** The community of each table node (before ownership by writes is decided). */
  tableCommunities: Map<string, string | null>;
  resolution: number;
  modularity: number;
  /** With a target number of services: services and modularity at each resolution scanned. */
  curve?: CurvePoint[];
}
