import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/util/random.js';
import { runBuiltCli } from '../helpers/run-built-cli.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-dense-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** 3,000 files, each importing 12 others at random: cycles everywhere, as in a tangled monolith. */
function writeDenseProject(fileCount: number, importsPerFile: number): void {
  const random = createRandom(7);
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }');
  for (let index = 0; index < fileCount; index++) {
    const lines: string[] = [];
    for (let k = 0; k < importsPerFile; k++) {
      const target = Math.floor(random() * fileCount);
      if (target !== index) lines.push(`import { value${target} as v${k} } from './module-${target}';`);
    }
    lines.push(`export const value${index} = ${index};`);
    fs.writeFileSync(path.join(root, 'src', `module-${index}.ts`), `${lines.join('\n')}\n`);
  }
}

describe('a dense 3,000-file import graph', () => {
  it('is analysed without overflowing the stack', () => {
    writeDenseProject(3000, 12);
    const result = runBuiltCli(['analyze', root, '--json', '--out', path.join(root, 'reports')]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const analysis = JSON.parse(result.stdout);
    expect(analysis.files).toHaveLength(3000);
    expect(analysis.edges.length).toBeGreaterThan(30000);
  });
});
