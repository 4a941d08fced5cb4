import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { escapeSarifText, FINGERPRINT_KEY, renderSarif } from '../../src/report/render-sarif.js';
import { compareWithSnapshot } from '../../src/trend/compare-with-snapshot.js';
import { DEFAULT_GATE_THRESHOLDS } from '../../src/trend/gate-thresholds.js';
import { toSnapshot } from '../../src/trend/snapshot.js';
import type { Analysis } from '../../src/types.js';
import { getFixturePath } from '../helpers/fixture-path.js';
import { createAnalysis, createFinding } from '../trend/helpers/create-analysis.js';

/**
 * The OASIS SARIF 2.1.0 schema (errata01), kept verbatim in test/trend/. It is draft-04; its only
 * draft-04 keyword is the top-level `id`, so it compiles as draft-07 once that is named `$id`.
 */
const sarifSchema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../trend/sarif-schema-2.1.0.json'), 'utf8'));
const { $schema: _draft04, id, ...definitions } = sarifSchema;
const ajv = new Ajv({ allErrors: true, strict: false });
// RFC 3986: an absolute URI, a URI reference (relative, no ':' in its first segment), an RFC 3339 date-time.
const URI_CHARACTERS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
ajv.addFormat('uri', (value: string) => URI_CHARACTERS.test(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
ajv.addFormat('uri-reference', (value: string) => URI_CHARACTERS.test(value) && (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) || !/^[^/?#]*:/.test(value)));
ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value));
const validate = ajv.compile({ ...definitions, $id: id });

function getSarifErrors(text: string): string[] {
  if (validate(JSON.parse(text))) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

/** A layered Express monolith whose services share tables and call each other: many findings. */
let shop: Analysis;
beforeAll(async () => {
  shop = await analyze({ root: getFixturePath('monoliths', 'express-layered'), workers: false });
});

const awkward = createFinding({
  id: '0123456789abcdef',
  kind: 'shared-table',
  message: 'Table {order_items} is written by [cart](1) and payments',
  suggestion: 'Make cart the owner of {order_items}.',
  locations: [
    { file: 'src/app/[id]/route handler.ts', line: 7 },
    { file: 'src/odd:name#1.ts', line: 0 },
  ],
});

describe('renderSarif', () => {
  it('writes a log that validates against the SARIF 2.1.0 schema', () => {
    expect(shop.findings.length).toBeGreaterThan(0);
    expect(getSarifErrors(renderSarif(shop))).toEqual([]);
    expect(getSarifErrors(renderSarif(createAnalysis({ findings: [awkward] }), { uriPrefix: 'services/api' }))).toEqual([]);
  });

  it('is checked by a validator that rejects what is not SARIF', () => {
    const log = JSON.parse(renderSarif(shop));
    log.runs[0].results[0].level = 'fatal';
    delete log.version;
    expect(getSarifErrors(JSON.stringify(log))).toEqual(["/ must have required property 'version'", '/runs/0/results/0/level must be equal to one of the allowed values']);
  });

  it('gives one result per finding, fingerprinted by the finding id, with a rule per kind', () => {
    const run = JSON.parse(renderSarif(shop)).runs[0];
    expect(run.results.map((result: { ruleId: string; partialFingerprints: Record<string, string> }) => [result.ruleId, result.partialFingerprints])).toEqual(
      shop.findings.map((finding) => [finding.kind, { [FINGERPRINT_KEY]: finding.id }]),
    );
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([...new Set(shop.findings.map((finding) => finding.kind))].sort());
  });

  it('points at files by relative URIs from %SRCROOT%, prefixed with the analysed folder, and escapes what SARIF would interpret', () => {
    const result = JSON.parse(renderSarif(createAnalysis({ findings: [awkward] }), { uriPrefix: 'services/api' })).runs[0].results[0];
    expect(result).toEqual({
      ruleId: 'shared-table',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Table {{order_items}} is written by \\[cart\\](1) and payments Suggestion: Make cart the owner of {{order_items}}.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'services/api/src/app/%5Bid%5D/route%20handler.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 7 },
          },
        },
      ],
      relatedLocations: [
        { id: 1, physicalLocation: { artifactLocation: { uri: 'services/api/src/odd%3Aname%231.ts', uriBaseId: '%SRCROOT%' } } },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: '0123456789abcdef' },
      properties: { severity: 'high', services: ['cart', 'payments'], evidence: [] },
    });
  });

  it('marks each result new, updated or unchanged against the baseline it was compared with', () => {
    const kept = createFinding({ id: 'aaaaaaaaaaaaaaaa', kind: 'hub-module', message: 'src/lib/money.ts is used by 2 services' });
    const comparison = compareWithSnapshot(toSnapshot(createAnalysis({ findings: [kept] })), createAnalysis({ findings: [kept, awkward] }), DEFAULT_GATE_THRESHOLDS, {
      kind: 'baseline',
      file: 'seams-baseline.json',
      toolVersion: '0.1.0',
    });
    const log = JSON.parse(renderSarif(createAnalysis({ findings: [kept, awkward] }), { comparison }));
    expect(log.runs[0].results.map((result: { baselineState: string }) => result.baselineState)).toEqual(['unchanged', 'new']);
  });

  it('gives the same bytes for the same analysis', () => {
    expect(renderSarif(shop)).toBe(renderSarif(structuredClone(shop)));
  });
});

describe('escapeSarifText', () => {
  it('doubles braces and escapes brackets, keeping a backslash before a bracket literal', () => {
    expect(escapeSarifText('a {b} [c] \\[d')).toBe('a {{b}} \\[c\\] \\\\\\[d');
  });
});
