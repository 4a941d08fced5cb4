import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/types.js';
import { runBuiltCli } from '../helpers/run-built-cli.js';
import { copyFixture, createTempDirectory, getEdgePairs, writeFile } from './helpers/temp-project.js';

const STEPS = 5_000;
const toName = (index: number) => `step-${String(index).padStart(4, '0')}`;
const toFunction = (index: number) => `runStep${String(index).padStart(4, '0')}`;

/** Step i imports and re-exports step i+1; the last step loops back to the first. */
function getStepSource(index: number): string {
  if (index === STEPS - 1) {
    return `import { ${toFunction(0)} } from './${toName(0)}.js';

export function ${toFunction(index)}(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.some((row) => row.replay === true) ? ${toFunction(0)}(rows.map(({ replay: _, ...row }) => row)) : rows;
}
`;
  }
  const next = index + 1;
  return `import { ${toFunction(next)} } from './${toName(next)}.js';

export * from './${toName(next)}.js';

export function ${toFunction(index)}(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return ${toFunction(next)}(rows.map((row) => ({ ...row, ${toName(index).replace('-', '')}: true })));
}
`;
}

let root: string;
beforeAll(() => {
  root = copyFixture('deep-import-chain');
  for (let index = 0; index < STEPS; index++) writeFile(root, `src/pipeline/${toName(index)}.ts`, getStepSource(index));
});

describe('a 5,000-deep import chain that closes into one cycle', () => {
  it('is analysed by the CLI without a stack overflow, every link an edge', () => {
    const out = path.join(createTempDirectory('deep-chain-out'), 'reports');
    const result = runBuiltCli(['analyze', root, '--json', '--out', out]);

    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const analysis = JSON.parse(result.stdout) as Analysis;
    expect(analysis.files).toHaveLength(STEPS + 1);
    expect(analysis.diagnostics).toEqual([]);
    const expected = [
      `src/main.ts -> src/pipeline/${toName(0)}.ts`,
      ...Array.from({ length: STEPS }, (_, index) => `src/pipeline/${toName(index)}.ts -> src/pipeline/${toName((index + 1) % STEPS)}.ts`),
    ];
    expect(getEdgePairs(analysis).sort()).toEqual(expected.sort());
  });
});
