import { describe, expect, it } from 'vitest';
import { createFinding } from '../../../src/measure/findings/create-finding.js';
import { findFindings } from '../../../src/measure/findings/index.js';

describe('finding ids', () => {
  const draft = {
    kind: 'shared-table',
    severity: 'high' as const,
    message: 'Table customers is written by 2 services (billing and orders)',
    evidence: [],
    suggestion: '',
    services: ['orders', 'billing', null],
  };

  it('are the first 16 hex digits of a fingerprint that ignores line numbers and key order', () => {
    const before = createFinding({ ...draft, locations: [{ file: 'src/billing/invoices.repository.ts', line: 26 }], key: ['customers', 'x'] });
    const after = createFinding({ ...draft, locations: [{ file: 'src/billing/invoices.repository.ts', line: 31 }], key: ['x', 'customers'] });
    expect(before.id).toMatch(/^[0-9a-f]{16}$/);
    expect(after.id).toBe(before.id);
    expect(createFinding({ ...draft, kind: 'cross-service-join', locations: [], key: ['customers', 'x'] }).id).not.toBe(before.id);
  });

  it('sort locations and services and drop duplicates and the null service', () => {
    const finding = createFinding({
      ...draft,
      locations: [
        { file: 'src/b.ts', line: 9 },
        { file: 'src/a.ts', line: 3 },
        { file: 'src/b.ts', line: 2 },
        { file: 'src/a.ts', line: 3 },
      ],
      key: ['customers'],
    });
    expect(finding.locations).toEqual([
      { file: 'src/a.ts', line: 3 },
      { file: 'src/b.ts', line: 2 },
      { file: 'src/b.ts', line: 9 },
    ]);
    expect(finding.services).toEqual(['billing', 'orders']);
  });
});

describe('the findings list', () => {
  it('is empty for a project without services, tables or state', () => {
    const graph = { filterNodes: () => [], forEachEdge: () => {} };
    const input = {
      facts: { accesses: [], state: [], files: [], dependencies: [], tables: [] },
      graph,
      decomposition: { assignments: new Map(), services: [] },
      options: {},
      edges: [],
      tables: [],
      services: [],
    } as unknown as Parameters<typeof findFindings>[0];
    expect(findFindings(input)).toEqual([]);
  });
});
