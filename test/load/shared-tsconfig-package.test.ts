import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { getFixturePath } from '../helpers/fixture-path.js';

const root = getFixturePath('workspaces', 'shared-tsconfig-package');

describe('a workspace whose tsconfigs extend a config package that is not installed', () => {
  it("takes each app's aliases from the sibling config package, relative to that app", async () => {
    const analysis = await analyze({ root });
    const edges = analysis.edges.map((edge) => `${edge.from} -> ${edge.to}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'apps/api/src/main.ts -> apps/api/src/lib/log.ts',
        'apps/api/src/main.ts -> apps/api/src/modules/billing/charge.ts',
        'apps/api/src/modules/billing/charge.ts -> apps/api/src/lib/log.ts',
        'apps/worker/src/jobs/nightly-report.ts -> apps/worker/src/lib/log.ts',
        'apps/worker/src/main.ts -> apps/worker/src/jobs/nightly-report.ts',
      ]),
    );
    expect(analysis.diagnostics).toEqual([]);
  });
});
