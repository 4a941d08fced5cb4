import fs from 'node:fs';

export type SourceText = { ok: true; text: string } | { ok: false; code: string; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a file as UTF-8 source; binary and undecodable files are refused, not guessed at. */
export function readSourceText(absolute: string): SourceText {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    return { ok: false, code: 'unreadable-file', message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, code: 'not-utf8', message: 'skipped: file is UTF-16 (byte-order mark); seams reads UTF-8' };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { ok: false, code: 'binary-file', message: 'skipped: binary content (NUL bytes) in a source file' };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, code: 'not-utf8', message: 'skipped: file is not valid UTF-8' };
  }
}
