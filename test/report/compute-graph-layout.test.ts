import { describe, expect, it } from 'vitest';
import { computeGraphLayout, MAX_TABLE_NODES } from '../../src/report/html/layout/compute-graph-layout.js';
import type { Disc } from '../../src/report/html/report-data.js';
import { createSyntheticAnalysis } from './create-synthetic-analysis.js';

describe('computeGraphLayout', () => {
  const analysis = createSyntheticAnalysis({ files: 900, services: 9 });
  const layout = computeGraphLayout(analysis);
  const discs: Disc[] = [...layout.services, layout.kernel!, layout.unassigned!];

  it('gives one disc per service, the kernel and the unassigned files, a position per file, and one per shared table only', () => {
    expect(layout.services).toHaveLength(analysis.services.length);
    expect(layout.kernel).not.toBeNull();
    expect(layout.unassigned).not.toBeNull();
    expect(layout.files).toHaveLength(analysis.files.length * 2);
    expect(layout.tables.map((position) => position !== null)).toEqual(analysis.tables.map((table) => table.shared));
    expect([...layout.files, ...discs.flat(), ...layout.tables.flatMap((position) => position ?? [])].every(Number.isFinite)).toBe(true);
  });

  it('places every file inside the disc of its group', () => {
    const outside = analysis.files.filter((file, index) => {
      const group = file.role === 'shared' ? layout.kernel! : file.role === 'unassigned' ? layout.unassigned! : layout.services[analysis.services.findIndex((service) => service.id === file.service)]!;
      const distance = Math.hypot(layout.files[2 * index]! - group[0], layout.files[2 * index + 1]! - group[1]);
      return distance > group[2] + 0.01;
    });
    expect(outside).toEqual([]);
  });

  it('keeps the discs apart', () => {
    const overlaps: string[] = [];
    for (let i = 0; i < discs.length; i++) {
      for (let j = i + 1; j < discs.length; j++) {
        const [a, b] = [discs[i]!, discs[j]!];
        if (Math.hypot(a[0] - b[0], a[1] - b[1]) < a[2] + b[2]) overlaps.push(`${i}-${j}`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('gives the same positions every time', () => {
    expect(computeGraphLayout(createSyntheticAnalysis({ files: 900, services: 9 }))).toEqual(layout);
  });

  it('draws at most MAX_TABLE_NODES shared tables, the most widely used first', () => {
    const many = createSyntheticAnalysis({ files: 400, services: 4 });
    many.tables = Array.from({ length: MAX_TABLE_NODES + 20 }, (_, i) => ({
      name: `table_${String(i).padStart(3, '0')}`,
      kind: 'table' as const,
      declaredIn: [],
      owner: many.services[0]!.id,
      accessors: many.services.slice(0, i < 10 ? 4 : 2).map((service) => ({ service: service.id, files: [service.files[0]!], reads: 1, writes: 1 })),
      shared: true,
    }));
    const drawn = computeGraphLayout(many).tables;
    expect(drawn.filter((position) => position !== null)).toHaveLength(MAX_TABLE_NODES);
    expect(drawn.slice(0, 10).every((position) => position !== null)).toBe(true);
    expect(drawn.slice(-20).every((position) => position === null)).toBe(true);
  });

  it('lays out an analysis with no files, services or tables', () => {
    const empty = createSyntheticAnalysis({ files: 10, services: 1 });
    Object.assign(empty, { files: [], services: [], tables: [], edges: [], sharedKernel: [], unassigned: [] });
    expect(computeGraphLayout(empty)).toEqual({ services: [], kernel: null, unassigned: null, tables: [], files: [] });
  });
});
