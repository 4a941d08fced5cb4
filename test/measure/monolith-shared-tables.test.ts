import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { getFixturePath } from '../helpers/fixture-path.js';

describe('the shared tables of the NestJS + TypeORM monolith', () => {
  it('flags exactly the tables its documentation names, with the writers as owners', async () => {
    const root = getFixturePath('monoliths', 'nestjs-typeorm');
    const expected = JSON.parse(fs.readFileSync(path.join(root, 'expected.json'), 'utf8')) as { sharedTables: string[] };
    const analysis = await analyze({ root });
    const shared = analysis.tables.filter((table) => table.shared);
    expect(shared.map((table) => table.name)).toEqual([...expected.sharedTables].sort());

    const findings = analysis.findings.filter((finding) => finding.kind === 'shared-table');
    expect(findings.map((finding) => [finding.severity, finding.message]).sort()).toEqual(
      [
        ['high', expect.stringMatching(/^Table products is written by 2 services/)],
        ['medium', expect.stringMatching(/^Table users is written by \S+ and read by/)],
      ].sort(),
    );
    for (const finding of findings) {
      expect(finding.locations.length).toBeGreaterThan(1);
      expect(finding.locations.every((location) => location.line > 0 && location.file.startsWith('src/modules/'))).toBe(true);
    }
  });
});
