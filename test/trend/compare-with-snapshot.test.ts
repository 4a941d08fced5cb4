import { describe, expect, it } from 'vitest';
import { compareWithSnapshot } from '../../src/trend/compare-with-snapshot.js';
import { DEFAULT_GATE_THRESHOLDS, resolveGateThresholds } from '../../src/trend/gate-thresholds.js';
import { toSnapshot } from '../../src/trend/snapshot.js';
import { createAnalysis, createFinding } from './helpers/create-analysis.js';

const baseline = { kind: 'baseline', file: 'seams-baseline.json', toolVersion: '0.1.0' } as const;

const sharedCustomers = createFinding({
  id: 'a1b2c3d4e5f60718',
  kind: 'shared-table',
  message: 'Table customers is written by 2 services (cart and payments)',
});
const cycle = createFinding({
  id: '0f9e8d7c6b5a4392',
  kind: 'cross-service-cycle',
  severity: 'medium',
  message: 'src/cart/cart.service.ts imports src/payments/charge.ts, which imports it back',
});

describe('compareWithSnapshot', () => {
  it('says everything is fine when nothing changed', () => {
    const before = toSnapshot(createAnalysis({ findings: [sharedCustomers] }));
    const comparison = compareWithSnapshot(before, createAnalysis({ findings: [sharedCustomers] }), DEFAULT_GATE_THRESHOLDS, baseline);
    expect(comparison.passed).toBe(true);
    expect(comparison.failures).toEqual([]);
    expect(comparison.findings).toEqual({ added: [], fixed: [], moved: [], unchanged: 1, stale: [] });
    expect(comparison.counts).toEqual([{ kind: 'shared-table', before: 1, after: 1 }]);
  });

  it('fails on a finding whose id the baseline does not have, and reports the count change per kind', () => {
    const before = toSnapshot(createAnalysis({ findings: [sharedCustomers] }));
    const comparison = compareWithSnapshot(before, createAnalysis({ findings: [sharedCustomers, cycle] }), DEFAULT_GATE_THRESHOLDS, baseline);
    expect(comparison.failures).toEqual([{ kind: 'new-findings', count: 1, failOn: 'info' }]);
    expect(comparison.findings.added).toEqual([cycle]);
    expect(comparison.counts).toEqual([
      { kind: 'cross-service-cycle', before: 0, after: 1 },
      { kind: 'shared-table', before: 1, after: 1 },
    ]);
  });

  it('matches a finding whose id changed with a rename by kind, services and wording, and marks the old entry stale', () => {
    const renamed = { ...cycle, id: '77aa66bb55cc44dd', message: cycle.message.replace('charge.ts', 'payment-intent.ts') };
    const before = toSnapshot(createAnalysis({ findings: [cycle] }));
    const comparison = compareWithSnapshot(before, createAnalysis({ findings: [renamed] }), DEFAULT_GATE_THRESHOLDS, baseline);
    expect(comparison.passed).toBe(true);
    expect(comparison.findings.moved).toEqual([{ before: before.findings[0], after: renamed }]);
    expect(comparison.findings.added).toEqual([]);
    expect(comparison.findings.fixed).toEqual([]);
    expect(comparison.findings.stale).toEqual(before.findings);
  });

  it('does not pair findings of the same kind that involve other services', () => {
    const elsewhere = { ...cycle, id: '1234567890abcdef', services: ['cart', 'shipping'] };
    const before = toSnapshot(createAnalysis({ findings: [cycle] }));
    const comparison = compareWithSnapshot(before, createAnalysis({ findings: [elsewhere] }), DEFAULT_GATE_THRESHOLDS, baseline);
    expect(comparison.findings.added).toEqual([elsewhere]);
    expect(comparison.findings.fixed).toEqual(before.findings);
    expect(comparison.passed).toBe(false);
  });

  it('reports fixed findings but no stale entries when comparing with a revision', () => {
    const before = toSnapshot(createAnalysis({ findings: [sharedCustomers] }));
    const comparison = compareWithSnapshot(before, createAnalysis(), DEFAULT_GATE_THRESHOLDS, {
      kind: 'revision',
      revision: 'origin/main',
      sha: 'c0ffee0000000000000000000000000000000000',
    });
    expect(comparison.findings.fixed).toEqual(before.findings);
    expect(comparison.findings.stale).toEqual([]);
  });

  it('fails when modularity drops by more than the limit, not at the limit', () => {
    const before = toSnapshot(createAnalysis({ metrics: { modularity: 0.5 } }));
    const atLimit = compareWithSnapshot(before, createAnalysis({ metrics: { modularity: 0.48 } }), DEFAULT_GATE_THRESHOLDS, baseline);
    const overLimit = compareWithSnapshot(before, createAnalysis({ metrics: { modularity: 0.4799 } }), DEFAULT_GATE_THRESHOLDS, baseline);
    expect(atLimit.failures).toEqual([]);
    expect(overLimit.failures).toEqual([{ kind: 'modularity-drop', before: 0.5, after: 0.4799, limit: 0.02 }]);
  });

  it('fails when cross-service edges grow by more than 5%, and on any growth from zero', () => {
    const before = toSnapshot(createAnalysis({ metrics: { crossServiceEdges: 20 } }));
    expect(compareWithSnapshot(before, createAnalysis({ metrics: { crossServiceEdges: 21 } }), DEFAULT_GATE_THRESHOLDS, baseline).passed).toBe(true);
    expect(compareWithSnapshot(before, createAnalysis({ metrics: { crossServiceEdges: 22 } }), DEFAULT_GATE_THRESHOLDS, baseline).failures).toEqual([
      { kind: 'cross-service-edge-growth', before: 20, after: 22, limitPercent: 5 },
    ]);
    const none = toSnapshot(createAnalysis({ metrics: { crossServiceEdges: 0 } }));
    expect(compareWithSnapshot(none, createAnalysis({ metrics: { crossServiceEdges: 1 } }), DEFAULT_GATE_THRESHOLDS, baseline).passed).toBe(false);
  });

  it('fails when a table becomes shared, unless allowed', () => {
    const before = toSnapshot(createAnalysis({ sharedTables: ['customers'] }));
    const after = createAnalysis({ sharedTables: ['customers', 'orders'] });
    expect(compareWithSnapshot(before, after, DEFAULT_GATE_THRESHOLDS, baseline).failures).toEqual([{ kind: 'new-shared-tables', tables: ['orders'] }]);
    const allowed = resolveGateThresholds({ failOnNewSharedTable: false });
    expect(compareWithSnapshot(before, after, allowed, baseline).passed).toBe(true);
  });

  it('fails only on new findings at or above --fail-on', () => {
    const before = toSnapshot(createAnalysis());
    const after = createAnalysis({ findings: [cycle] });
    expect(compareWithSnapshot(before, after, resolveGateThresholds({ failOn: 'high' }), baseline).passed).toBe(true);
    expect(compareWithSnapshot(before, after, resolveGateThresholds({ failOn: 'medium' }), baseline).failures).toEqual([
      { kind: 'new-findings', count: 1, failOn: 'medium' },
    ]);
  });
});

describe('resolveGateThresholds', () => {
  it('lets each layer override the one before, skipping unset values', () => {
    expect(resolveGateThresholds({ maxModularityDrop: 0.05, failOn: 'low' }, { maxModularityDrop: undefined, maxEdgeGrowthPercent: 10 })).toEqual({
      maxModularityDrop: 0.05,
      maxEdgeGrowthPercent: 10,
      failOnNewSharedTable: true,
      failOn: 'low',
    });
  });
});
