import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { runBuiltCli } from '../helpers/run-built-cli.js';
import { copyFixture, createTempDirectory, getEdgePairs, writeFile } from './helpers/temp-project.js';

const DEPTH = 20_000;
const HEADER = "import { clamp, THRESHOLDS } from '../thresholds.js';\n\n";
const range = (count: number) => Array.from({ length: count }, (_, index) => index);

/** Generated rule files, each nested DEPTH levels deep in its own way. */
const GENERATED: Record<string, string> = {
  'decision-tree.ts': `export function getDiscount(x: number): number {\n  return ${range(DEPTH)
    .map((i) => `x < ${i} ? ${i % 7} : (`)
    .join('')}0${')'.repeat(DEPTH)};\n}\n`,
  'nested-calls.ts': `export const capped = ${'clamp('.repeat(DEPTH)}THRESHOLDS[7]${')'.repeat(DEPTH)};\n`,
  'nested-arrays.ts': `export const matrix = ${'['.repeat(DEPTH)}THRESHOLDS${']'.repeat(DEPTH)};\n`,
  'nested-arrows.ts': `export const curried = ${range(DEPTH)
    .map((i) => `(a${i}: number) => `)
    .join('')}clamp(0);\n`,
  'nested-blocks.ts': `export function check(x: number): number {\n${range(DEPTH)
    .map((i) => `if (x > ${i}) {\n`)
    .join('')}return clamp(x);\n${'}\n'.repeat(DEPTH)}  return 0;\n}\n`,
  'long-sum.ts': `export const total = ${range(DEPTH)
    .map((i) => `THRESHOLDS[${i % 8}]`)
    .join(' + ')};\n`,
};
const GENERATED_PATHS = Object.keys(GENERATED).map((name) => `src/rules/generated/${name}`);
const HAND_WRITTEN_EDGES = ['src/index.ts -> src/rules/evaluate.ts', 'src/rules/evaluate.ts -> src/rules/thresholds.ts'];

let root: string;
beforeAll(() => {
  root = copyFixture('deep-nesting');
  for (const [name, body] of Object.entries(GENERATED)) writeFile(root, `src/rules/generated/${name}`, HEADER + body);
});

describe('code nested 20,000 levels deep', () => {
  it('is analysed by the CLI without a stack overflow', () => {
    const out = path.join(createTempDirectory('deep-nesting-out'), 'reports');
    const result = runBuiltCli(['analyze', root, '--json', '--out', out]);

    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const analysis = JSON.parse(result.stdout);
    expect(analysis.diagnostics).toEqual([]);
    expect(getEdgePairs(analysis).sort()).toEqual(
      [...HAND_WRITTEN_EDGES, ...GENERATED_PATHS.map((file) => `${file} -> src/rules/thresholds.ts`)].sort(),
    );
  });

  it('costs the library caller at most a diagnostic per too-deep file, never the whole run', async () => {
    // analyze() runs on the caller's thread (here a test worker with Node's default stack).
    const analysis = await analyze({ root, workers: false });

    const edges = getEdgePairs(analysis);
    expect(edges).toEqual(expect.arrayContaining(HAND_WRITTEN_EDGES));
    for (const file of GENERATED_PATHS) {
      const analysed = edges.includes(`${file} -> src/rules/thresholds.ts`);
      const reported = analysis.diagnostics.some((diagnostic) => diagnostic.file === file && diagnostic.code === 'file-not-analysed');
      expect({ file, outcome: analysed !== reported ? 'analysed or reported' : 'neither or both' }).toEqual({
        file,
        outcome: 'analysed or reported',
      });
    }
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code !== 'file-not-analysed')).toEqual([]);
  });
});
