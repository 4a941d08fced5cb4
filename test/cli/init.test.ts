import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate-config.js';
import { runCli } from '../helpers/run-cli.js';

const folders: string[] = [];
const createProject = () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-init-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('seams init', () => {
  it('writes a starter seams.config.json with a $schema pointer and "//" comments, which seams accepts', async () => {
    const project = createProject();
    const result = await runCli(['init', project]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*seams\.config\.json\. Edit it, then run: seams analyze /);
    const written = JSON.parse(fs.readFileSync(path.join(project, 'seams.config.json'), 'utf8'));
    expect(written.$schema).toBe('./node_modules/seams/schema/seams.config.schema.json');
    expect(Object.keys(written).filter((key) => key.startsWith('//')).length).toBeGreaterThan(5);
    expect(validateConfig(written, 'seams.config.json')).toMatchObject({
      include: [],
      exclude: [],
      pins: {},
      groups: [],
      serviceNames: {},
      minServiceSize: 3,
      seed: 42,
    });
  });

  it('refuses to overwrite an existing config (exit 2) and leaves it untouched', async () => {
    const project = createProject();
    const file = path.join(project, 'seams.config.json');
    fs.writeFileSync(file, '{ "seed": 7 }\n');
    const result = await runCli(['init', project]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^seams: .*seams\.config\.json already exists; not overwritten/);
    expect(fs.readFileSync(file, 'utf8')).toBe('{ "seed": 7 }\n');
  });

  it('the starter config gives the same analysis as no config at all', async () => {
    const project = createProject();
    fs.mkdirSync(path.join(project, 'src'));
    fs.writeFileSync(path.join(project, 'src', 'prices.ts'), 'export const vat = (cents: number) => Math.round(cents * 0.21);\n');
    fs.writeFileSync(path.join(project, 'src', 'cart.ts'), "import { vat } from './prices';\nexport const total = (cents: number) => cents + vat(cents);\n");
    const out = path.join(project, 'reports');
    const before = await runCli(['analyze', project, '--json', '--out', out]);
    await runCli(['init', project]);
    const after = await runCli(['analyze', project, '--json', '--out', out]);
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toBe(before.stdout);
  });
});
