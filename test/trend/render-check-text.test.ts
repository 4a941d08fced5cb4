import { describe, expect, it } from 'vitest';
import { compareWithSnapshot } from '../../src/trend/compare-with-snapshot.js';
import { DEFAULT_GATE_THRESHOLDS } from '../../src/trend/gate-thresholds.js';
import { renderCheckText } from '../../src/trend/render-check-text.js';
import { toSnapshot } from '../../src/trend/snapshot.js';
import { createAnalysis, createFinding } from './helpers/create-analysis.js';

const baseline = { kind: 'baseline', file: 'seams-baseline.json', toolVersion: '0.1.0' } as const;

describe('renderCheckText', () => {
  it('prints the verdict and each reason first, then metrics, findings and coupling changes', () => {
    const cycle = createFinding({
      id: '0f9e8d7c6b5a4392',
      kind: 'cross-service-cycle',
      severity: 'medium',
      message: 'Services cart and payments depend on each other',
      locations: [{ file: 'src/cart/cart.service.ts', line: 4 }],
    });
    const before = toSnapshot(createAnalysis({ metrics: { modularity: 0.52 } }));
    const after = createAnalysis({ findings: [cycle], metrics: { modularity: 0.47 } });
    const text = renderCheckText(compareWithSnapshot(before, after, DEFAULT_GATE_THRESHOLDS, baseline), { color: false });
    expect(text).toBe(
      [
        'seams check: FAILED — checkout-api against seams-baseline.json',
        '  ✗ 1 new finding',
        '  ✗ modularity fell from 0.5200 to 0.4700 (-0.0500; limit -0.02)',
        '',
        'Metrics  before → after',
        '  modularity                      0.5200 → 0.4700  -0.0500  ✗ over the limit',
        '  cross-service edges             20 → 20  0',
        '  shared tables                   1 → 1  0',
        '  cross-service transactions      0 → 0  0',
        '  structural modularity (SM)      0.2500 → 0.2500  0',
        '  inter-call percentage (ICP)     0.1000 → 0.1000  0',
        '  interface number (IFN)          0.5000 → 0.5000  0',
        '  non-extreme distribution (NED)  1 → 1  0',
        '  TurboMQ                         2.5000 → 2.5000  0',
        '',
        'Findings  1 new, 0 fixed, 0 moved, 0 unchanged',
        '  New:',
        '    + [medium] cross-service-cycle: Services cart and payments depend on each other  src/cart/cart.service.ts:4',
        '',
        'Findings by kind',
        '  cross-service-cycle  0 → 1  +1',
        '',
      ].join('\n'),
    );
  });

  it('shows control characters from analysed names as escapes instead of sending them to the terminal', () => {
    const before = toSnapshot(createAnalysis({ sharedTables: [] }));
    const text = renderCheckText(compareWithSnapshot(before, createAnalysis({ sharedTables: ['orders\u001b[2J'] }), DEFAULT_GATE_THRESHOLDS, baseline), {
      color: false,
    });
    expect(text).toContain('  ✗ new shared table: orders\\u001b[2J\n');
    expect(text).not.toContain('\u001b');
  });
});
