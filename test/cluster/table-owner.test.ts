import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { getFixturePath } from '../helpers/fixture-path.js';

describe('entity files set aside for their many users', () => {
  it('go to the service that writes their table, not to the shared kernel', async () => {
    const analysis = await analyze({ root: getFixturePath('data', 'typeorm', 'basic') });
    const owned = analysis.files.filter((file) => file.placement === 'table-owner');
    expect(owned.map((file) => file.path)).toEqual(['src/entities/book.entity.ts', 'src/entities/library-member.entity.ts', 'src/entities/loan.entity.ts']);
    const kernel = new Set(analysis.sharedKernel.map((entry) => entry.path));
    for (const file of owned) {
      expect(kernel.has(file.path)).toBe(false);
      const declared = analysis.tables.filter((table) => table.declaredIn.some((location) => location.file === file.path)).map((table) => table.name);
      const writers = analysis.dataAccesses.filter((access) => declared.includes(access.table) && access.access === 'write').map((access) => access.file);
      const writerServices = new Set(analysis.files.filter((entry) => writers.includes(entry.path)).map((entry) => entry.service));
      expect(writerServices.has(file.service), file.path).toBe(true);
    }
  });

  it('stay shared when the configuration puts them there', async () => {
    const analysis = await analyze({ root: getFixturePath('data', 'typeorm', 'basic'), sharedKernel: { include: ['src/entities/loan.entity.ts'], exclude: [], minFanInRatio: 0.15 } });
    expect(analysis.files.find((file) => file.path === 'src/entities/loan.entity.ts')?.placement).toBe('shared');
  });
});
