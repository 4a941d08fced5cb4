import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { makeDirectory } from './make-directory.js';

/** What each common error code means to someone choosing an output folder. */
const FS_PROBLEMS: Record<string, string> = {
  ENOTDIR: 'a parent is a file, not a folder',
  EEXIST: 'a file is in the way',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'the folder cannot be created there',
  ENOSPC: 'no space left on the device',
  EISDIR: 'a folder is in the way',
};

/**
 * Writes through a temporary file in the same folder, flushed to disk, and renames it over the
 * target, so a run killed mid-write leaves the previous file whole (rename is atomic within one
 * file system). A run killed before the rename may leave its `.tmp` file behind.
 */
export function writeFileAtomic(file: string, content: string): void {
  const directory = path.dirname(file);
  try {
    makeDirectory(directory);
  } catch (error) {
    throw new UsageError(`cannot create output folder ${directory}: ${describeFsError(error)}`);
  }
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const descriptor = fs.openSync(temporary, 'w');
    try {
      fs.writeFileSync(descriptor, content);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // the temporary file may not exist; nothing else to clean up
    }
    throw new UsageError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return (error as Error).message;
  return FS_PROBLEMS[code] ? `${FS_PROBLEMS[code]} (${code})` : code;
}
