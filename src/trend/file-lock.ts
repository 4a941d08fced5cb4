import fs from 'node:fs';
import { UsageError } from '../util/errors.js';

export interface LockOptions {
  /** Give up after this long. */
  timeoutMs?: number;
  /** A lock older than this was left by a killed run and is taken over. */
  staleMs?: number;
}

/**
 * Runs `use` while holding `lockFile`, created with O_EXCL so exactly one process (or one
 * caller in this process) holds it; others retry with a short random wait.
 */
export async function withFileLock<T>(lockFile: string, use: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const staleMs = options.staleMs ?? 120_000;
  const started = Date.now();
  let descriptor: number | null = null;
  while (descriptor === null) {
    try {
      descriptor = fs.openSync(lockFile, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UsageError(`cannot create lock ${lockFile}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      }
      if (isStale(lockFile, staleMs)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        throw new UsageError(`${lockFile} is held by another seams run; remove it if none is running`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
  }
  try {
    fs.writeSync(descriptor, `${process.pid}\n`);
    return await use();
  } finally {
    fs.closeSync(descriptor);
    fs.rmSync(lockFile, { force: true });
  }
}

function isStale(lockFile: string, staleMs: number): boolean {
  try {
    return Date.now() - fs.statSync(lockFile).mtimeMs > staleMs;
  } catch {
    return false;
  }
}
