import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/**
 * Writes through a temporary file in the same folder and renames it over the target, so a run
 * killed mid-write leaves the previous file whole.
 */
export function writeFileAtomic(file: string, content: string): void {
  const directory = path.dirname(file);
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create output folder ${directory}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // the temporary file may not exist; nothing else to clean up
    }
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
