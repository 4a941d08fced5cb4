import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { compareWithSnapshot } from '../../src/trend/compare-with-snapshot.js';
import { DEFAULT_GATE_THRESHOLDS } from '../../src/trend/gate-thresholds.js';
import { toSnapshot } from '../../src/trend/snapshot.js';
import { createAnalysis, createFinding } from '../trend/helpers/create-analysis.js';

const baseline = { kind: 'baseline', file: 'seams-baseline.json', toolVersion: '0.1.0' } as const;

const sharedCustomers = createFinding({
  id: 'a1b2c3d4e5f60718',
  kind: 'shared-table',
  message: 'Table customers is written by 2 services (cart and payments)',
  locations: [{ file: 'src/payments/charge.repository.ts', line: 31 }],
});
const hub = createFinding({ id: '99887766554433aa', kind: 'hub-module', severity: 'low', message: 'src/lib/money.ts is used by 2 services' });

describe('renderMarkdown', () => {
  it('puts the verdict and the reasons first, then metrics, new and fixed findings and coupling changes', () => {
    const before = toSnapshot(createAnalysis({ findings: [hub], sharedTables: [] }));
    const after = createAnalysis({ findings: [sharedCustomers], sharedTables: ['customers'], metrics: { crossServiceEdges: 23 } });
    const markdown = renderMarkdown(compareWithSnapshot(before, after, DEFAULT_GATE_THRESHOLDS, baseline));
    expect(markdown).toBe(
      [
        '## seams check: ❌ failed',
        '',
        'Compared checkout-api with seams-baseline.json.',
        '',
        '**Why it failed**',
        '',
        '- 1 new finding',
        '- cross-service edges grew from 20 to 23 (+15%; limit +5%)',
        '- new shared table: customers',
        '',
        '| Metric | Before | After | Change |',
        '| --- | ---: | ---: | ---: |',
        '| modularity | 0.5000 | 0.5000 | 0 |',
        '| cross-service edges | 20 | 23 | +3 (+15%) ❌ |',
        '| shared tables | 0 | 1 | +1 |',
        '| cross-service transactions | 0 | 0 | 0 |',
        '| structural modularity (SM) | 0.2500 | 0.2500 | 0 |',
        '| inter-call percentage (ICP) | 0.1000 | 0.1000 | 0 |',
        '| interface number (IFN) | 0.5000 | 0.5000 | 0 |',
        '| non-extreme distribution (NED) | 1 | 1 | 0 |',
        '| TurboMQ | 2.5000 | 2.5000 | 0 |',
        '',
        '**Findings:** 1 new, 1 fixed, 0 moved, 0 unchanged.',
        '',
        '### New findings (1)',
        '',
        '| Severity | Kind | Finding | Where |',
        '| --- | --- | --- | --- |',
        '| high | shared-table | Table customers is written by 2 services \\(cart and payments\\) | src/payments/charge.repository.ts:31 |',
        '',
        '### Fixed findings (1)',
        '',
        '- low hub-module: src/lib/money.ts is used by 2 services',
        '',
        '1 baseline entry no longer reproduces (stale); `seams baseline --prune` drops it.',
        '',
        '| Finding kind | Before | After | Change |',
        '| --- | ---: | ---: | ---: |',
        '| hub-module | 1 | 0 | -1 |',
        '| shared-table | 0 | 1 | +1 |',
        '',
        '**Coupling changes**',
        '',
        '- table customers is now shared between services',
        '',
      ].join('\n'),
    );
  });

  it('says passed and gives no reasons when nothing got worse', () => {
    const analysis = createAnalysis({ findings: [hub] });
    const markdown = renderMarkdown(compareWithSnapshot(toSnapshot(analysis), analysis, DEFAULT_GATE_THRESHOLDS, baseline));
    expect(markdown.startsWith('## seams check: ✅ passed\n\nCompared checkout-api with seams-baseline.json.\n\n| Metric |')).toBe(true);
    expect(markdown).not.toContain('Why it failed');
  });

  it('escapes names from the analysed code so they cannot add markup, links, HTML or table cells', () => {
    const hostile = createFinding({
      id: 'ffffffffffffffff',
      kind: 'shared-table',
      message: 'Table <img src=x onerror=alert(1)> | [click](https://evil.example) is *written*\nby `two` services',
      locations: [{ file: 'src/<script>/a|b.ts', line: 3 }],
    });
    const before = toSnapshot(createAnalysis({ sharedTables: [] }));
    const after = createAnalysis({ findings: [hostile], sharedTables: ['orders|<b>x</b>'] });
    const markdown = renderMarkdown(compareWithSnapshot(before, after, DEFAULT_GATE_THRESHOLDS, baseline));
    expect(markdown).not.toMatch(/<img|<script>|<b>|\]\(https/);
    const row = markdown.split('\n').find((line) => line.startsWith('| high |'))!;
    expect(row).toBe(
      '| high | shared-table | Table &lt;img src=x onerror=alert\\(1\\)&gt; \\| \\[click\\]\\(https://evil.example\\) is \\*written\\* by \\`two\\` services | src/&lt;script&gt;/a\\|b.ts:3 |',
    );
    expect(markdown).toContain('- new shared table: orders\\|&lt;b&gt;x&lt;/b&gt;');
  });
});
