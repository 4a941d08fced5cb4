import fs from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p` that always ends. Node's `fs.mkdirSync(dir, { recursive: true })` spins forever
 * when mkdir answers ENOENT under a parent that exists, as procfs does (`/proc/reports`): it
 * creates the parent again and retries (the same loop was fixed in Bun, oven-sh/bun#36162).
 * Here the nearest existing ancestor is found once, then each missing folder is created once.
 */
export function makeDirectory(directory: string): void {
  const missing: string[] = [];
  const target = path.resolve(directory);
  for (let current = target; ; current = path.dirname(current)) {
    const stats = statOrNull(current);
    if (stats) {
      if (!stats.isDirectory()) throw createFsError(current === target ? 'EEXIST' : 'ENOTDIR', current);
      break;
    }
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!statOrNull(folder)?.isDirectory()) throw createFsError('ENOTDIR', folder);
    }
  }
}

/** Stats of a path, or null when nothing is there (a missing path, or one under a file). */
function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

function createFsError(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${file}`), { code, path: file });
}
