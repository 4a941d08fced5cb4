import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getFixturePath } from '../helpers/fixture-path.js';
import { runCli } from '../helpers/run-cli.js';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'seams-services-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
const fixture = getFixturePath('findings', 'hub-module');

describe('--services N', () => {
  it('stores the services-vs-modularity curve in the JSON and picks the resolution closest to N', async () => {
    const result = await runCli(['analyze', fixture, '--services', '3', '--json', '--out', out]);
    expect(result.exitCode).toBe(0);
    const analysis = JSON.parse(result.stdout);
    expect(analysis.curve).toHaveLength(40);
    expect(analysis.curve[0]).toEqual({ resolution: 0.1, services: expect.any(Number), modularity: expect.any(Number) });
    expect(analysis.curve.at(-1).resolution).toBe(4);
    const chosen = analysis.curve.find((point: { resolution: number }) => point.resolution === analysis.options.resolution);
    const closest = Math.min(...analysis.curve.map((point: { services: number }) => Math.abs(point.services - 3)));
    expect(Math.abs(chosen.services - 3)).toBe(closest);
  });

  it('gives the number of services the curve promised at the chosen resolution', async () => {
    // The NestJS fixture's chatty services were merged afterwards: 7 asked, 7 on the curve, 5 given.
    const result = await runCli(['analyze', getFixturePath('monoliths', 'nestjs-typeorm'), '--services', '7', '--json', '--out', out]);
    const analysis = JSON.parse(result.stdout);
    const chosen = analysis.curve.find((point: { resolution: number }) => point.resolution === analysis.options.resolution);
    expect(chosen.services).toBe(7);
    expect(analysis.services).toHaveLength(7);
  });

  it('prints the curve in the terminal summary, one row per change in the number of services', async () => {
    const result = await runCli(['analyze', fixture, '--services', '3', '--out', out]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Services vs modularity {2}resolution [\d.]+ chosen for about 3 services\n {2}resolution {2}services {2}modularity\n/);
    expect(result.stdout).toMatch(/ {6}0\.10 {2}\s+\d+ {2}\s+-?\d\.\d{3}/);
  });

  it('leaves the curve out when no number of services is asked for', async () => {
    const result = await runCli(['analyze', fixture, '--json', '--out', out]);
    expect(JSON.parse(result.stdout).curve).toBeUndefined();
  });
});
