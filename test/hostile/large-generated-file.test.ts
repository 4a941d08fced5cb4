import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeWithCli, copyFixture, getEdgePairs, getFilePaths } from './helpers/temp-project.js';

const GENERATED = 'src/api/generated/schema-types.ts';
let root: string;
let size: number;

/** What openapi-typescript emits for a large API: one interface per schema, about 10 MB in all. */
function writeGeneratedTypes(file: string): number {
  const schemas: string[] = [];
  for (let index = 0, length = 0; length < 10_000_000; index++) {
    const schema = `    Partner${index}: {\n      /** Format: uuid */\n      id: string;\n      displayName: string;\n      tier: "bronze" | "silver" | "gold";\n      createdAt: string;\n    };\n`;
    schemas.push(schema);
    length += schema.length;
  }
  schemas.push('    Partner: {\n      id: string;\n      displayName: string;\n    };\n');
  const text = `export interface components {\n  schemas: {\n${schemas.join('')}  };\n}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

beforeAll(() => {
  root = copyFixture('large-generated-file');
  size = writeGeneratedTypes(path.join(root, GENERATED));
});

describe('a 10 MB generated file', () => {
  it('is skipped above the default --max-file-size with one warning', async () => {
    const run = await analyzeWithCli(root);
    expect(size).toBeGreaterThan(10_000_000);
    expect(run.exitCode).toBe(0);
    expect(run.analysis!.options.maxFileSize).toBe(1_000_000);
    expect(run.analysis!.diagnostics).toEqual([
      {
        code: 'file-too-large',
        severity: 'warning',
        file: GENERATED,
        message: `skipped: ${size} bytes is over --max-file-size 1000000`,
      },
    ]);
    expect(getFilePaths(run.analysis)).toEqual(['src/api/client.ts', 'src/api/config.ts']);
    expect(getEdgePairs(run.analysis)).toEqual(['src/api/client.ts -> src/api/config.ts']);
  });

  it('is analysed when --max-file-size allows it', async () => {
    const run = await analyzeWithCli(root, ['--max-file-size', '20000000']);
    expect(run.exitCode).toBe(0);
    expect(run.analysis!.diagnostics).toEqual([]);
    expect(getFilePaths(run.analysis)).toEqual(['src/api/client.ts', 'src/api/config.ts', GENERATED]);
    expect(getEdgePairs(run.analysis).sort()).toEqual(['src/api/client.ts -> src/api/config.ts', `src/api/client.ts -> ${GENERATED}`]);
  });
});
