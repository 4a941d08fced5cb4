import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnalyzeRun, analyzeWithCli, copyFixture } from './helpers/temp-project.js';

/** The first bytes of a real PNG: signature, then the IHDR chunk of a 1×1 image. */
const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]);

let run: AnalyzeRun;

beforeAll(async () => {
  const root = copyFixture('encodings');
  const rewrite = (relative: string, encode: (text: string) => Uint8Array) => {
    const file = path.join(root, relative);
    fs.writeFileSync(file, encode(fs.readFileSync(file, 'utf8')));
  };
  rewrite('src/catalog/product-repository.ts', (text) => Buffer.from(`\uFEFF${text}`, 'utf8'));
  rewrite('src/catalog/product-service.ts', (text) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'));
  rewrite('src/assets/logo.ts', () => PNG_BYTES);
  rewrite('src/i18n/messages-de.ts', (text) => Buffer.from(text, 'latin1'));
  rewrite('src/i18n/messages-ja.ts', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  run = await analyzeWithCli(root);
});

describe('files in other encodings and line endings', () => {
  it('skips binary, Latin-1 and UTF-16 files with one warning each and goes on', () => {
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.analysis!.diagnostics).toEqual([
      {
        code: 'binary-file',
        severity: 'warning',
        file: 'src/assets/logo.ts',
        message: 'skipped: binary content (NUL bytes) in a source file',
      },
      { code: 'not-utf8', severity: 'warning', file: 'src/i18n/messages-de.ts', message: 'skipped: file is not valid UTF-8' },
      {
        code: 'not-utf8',
        severity: 'warning',
        file: 'src/i18n/messages-ja.ts',
        message: 'skipped: file is UTF-16 (byte-order mark); seams reads UTF-8',
      },
    ]);
  });

  it('reads a file with a byte-order mark like any other', () => {
    const repository = run.analysis!.files.find((file) => file.path === 'src/catalog/product-repository.ts');
    expect(repository?.lines).toBe(14);
    expect(run.analysis!.dataAccesses).toEqual([
      { file: 'src/catalog/product-repository.ts', line: 12, table: 'products', access: 'read', via: 'knex' },
    ]);
  });

  it('counts lines of a CRLF file as an editor does', () => {
    const service = run.analysis!.files.find((file) => file.path === 'src/catalog/product-service.ts');
    expect(service?.lines).toBe(18);
    const fromService = run.analysis!.edges
      .filter((edge) => edge.from === 'src/catalog/product-service.ts')
      .map((edge) => `${edge.to}:${edge.line}`)
      .sort();
    expect(fromService).toEqual([
      'src/catalog/discounts.ts:12',
      'src/catalog/price-format.ts:3',
      'src/catalog/product-repository.ts:1',
    ]);
  });

  it('still lists the skipped files, with no lines and no edges of their own', () => {
    const skipped = run.analysis!.files.filter((file) => file.lines === 0).map((file) => file.path);
    expect(skipped).toEqual(['src/assets/logo.ts', 'src/i18n/messages-de.ts', 'src/i18n/messages-ja.ts']);
    expect(run.analysis!.edges.filter((edge) => skipped.includes(edge.from))).toEqual([]);
  });
});
