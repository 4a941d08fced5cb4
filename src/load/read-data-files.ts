import fs from 'node:fs';
import type { Diagnostic } from '../types.js';
import type { SourceFileEntry } from './find-files.js';

/** Reads schema files (e.g. schema.prisma) as text; adapters parse them, nothing executes them. */
export function readDataFiles(
  files: SourceFileEntry[],
  maxFileSize: number,
  diagnostics: Diagnostic[],
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const file of files) {
    if (file.size > maxFileSize) {
      diagnostics.push({ code: 'file-too-large', severity: 'warning', file: file.path, message: 'schema file skipped: too large' });
      continue;
    }
    try {
      texts[file.path] = fs.readFileSync(file.absolute, 'utf8');
    } catch {
      diagnostics.push({ code: 'unreadable-file', severity: 'warning', file: file.path, message: 'cannot read schema file' });
    }
  }
  return texts;
}
