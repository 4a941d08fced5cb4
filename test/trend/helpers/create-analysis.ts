import { DEFAULT_OPTIONS } from '../../../src/config/defaults.js';
import { type Analysis, type Finding, type Metrics, SCHEMA_VERSION } from '../../../src/types.js';

export const BASE_METRICS: Metrics = {
  modularity: 0.5,
  sm: 0.25,
  icp: 0.1,
  ifn: 0.5,
  ned: 1,
  mq: 2.5,
  crossServiceEdges: 20,
  sharedTables: 1,
  crossServiceTransactions: 0,
};

/** A hand-made Analysis with only what the trend code reads: two services and the given findings. */
export function createAnalysis(options: { findings?: Finding[]; metrics?: Partial<Metrics>; sharedTables?: string[] } = {}): Analysis {
  const findings = options.findings ?? [];
  const sharedTables = options.sharedTables ?? ['customers'];
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'seams', version: '0.1.0' },
    root: 'checkout-api',
    options: DEFAULT_OPTIONS,
    summary: {
      files: 40,
      services: 2,
      sharedKernel: 3,
      unassigned: 1,
      edges: 90,
      tables: 4,
      findings: {
        high: findings.filter((f) => f.severity === 'high').length,
        medium: findings.filter((f) => f.severity === 'medium').length,
        low: findings.filter((f) => f.severity === 'low').length,
        info: findings.filter((f) => f.severity === 'info').length,
      },
      diagnostics: 0,
      unresolvedImports: 0,
    },
    services: [],
    sharedKernel: [],
    unassigned: [],
    files: [],
    edges: [],
    dependencies: [{ from: 'cart', to: 'payments', edges: 20, weight: 20, kinds: { import: 20 } }],
    tables: sharedTables.map((name) => ({ name, kind: 'table', declaredIn: [], owner: 'cart', accessors: [], shared: true })),
    dataAccesses: [],
    findings,
    metrics: { ...BASE_METRICS, sharedTables: sharedTables.length, ...options.metrics },
    extractionOrder: [],
    diagnostics: [],
  };
}

export function createFinding(overrides: Partial<Finding> & Pick<Finding, 'id' | 'kind' | 'message'>): Finding {
  return {
    severity: 'high',
    locations: [{ file: 'src/cart/cart.service.ts', line: 12 }],
    evidence: [],
    suggestion: '',
    services: ['cart', 'payments'],
    ...overrides,
  };
}
