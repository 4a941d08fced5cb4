import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/** seams' own version, from its package.json (two folders above src/util/ and dist/util/). */
export function getToolVersion(): string {
  if (cached) return cached;
  try {
    const file = fileURLToPath(new URL('../../package.json', import.meta.url));
    cached = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    cached = '0.0.0';
  }
  return cached;
}
