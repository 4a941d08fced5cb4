import type { Comparison } from '../trend/comparison.js';
import type { Analysis, Finding, Location, Severity } from '../types.js';
import { uniqueSorted } from '../util/sort.js';

/** The SARIF version seams writes and the schema that describes it. */
const SARIF_VERSION = '2.1.0';
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** partialFingerprints key: the finding id is already a stable fingerprint without line numbers. */
export const FINGERPRINT_KEY = 'seamsFindingId/v1';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note', info: 'note' };

const RULE_DESCRIPTIONS: Record<string, string> = {
  'shared-table': 'A table is used by more than one candidate service.',
  'cross-service-cycle': 'Files of different candidate services depend on each other in a cycle.',
  'cross-service-join': 'One query joins tables owned by different candidate services.',
  'cross-service-transaction': 'One transaction writes tables owned by different candidate services.',
  'hub-module': 'A module that files of many services depend on.',
  'shared-mutable-state': 'Mutable state of one service is changed by another in the same process.',
  'misplaced-file': 'A file is tied more closely to another service than to its own.',
};

export interface SarifOptions {
  /** Where the analysed root sits in the repository (POSIX, '' at the top), so URIs resolve from %SRCROOT%. */
  uriPrefix?: string;
  /** With a comparison, each result carries its baselineState (new, unchanged, updated). */
  comparison?: Comparison;
}

/**
 * SARIF 2.1.0 for code scanning: one result per finding, `partialFingerprints` from the finding
 * id so alerts survive line shifts, file locations as relative URIs against %SRCROOT%.
 */
export function renderSarif(analysis: Analysis, options: SarifOptions = {}): string {
  const kinds = uniqueSorted(analysis.findings.map((finding) => finding.kind));
  const states = getBaselineStates(options.comparison);
  const prefix = options.uriPrefix ? `${options.uriPrefix.replace(/\/+$/, '')}/` : '';
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'seams',
            version: analysis.tool.version,
            semanticVersion: analysis.tool.version,
            rules: kinds.map((kind) => ({
              id: kind,
              name: toRuleName(kind),
              shortDescription: { text: RULE_DESCRIPTIONS[kind] ?? `seams finding: ${kind}.` },
              defaultConfiguration: { level: 'warning' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: analysis.findings.map((finding) => toResult(finding, kinds.indexOf(finding.kind), prefix, states?.(finding.id))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(finding: Finding, ruleIndex: number, prefix: string, baselineState: string | undefined) {
  const [primary, ...related] = finding.locations;
  const text = finding.suggestion ? `${finding.message} Suggestion: ${finding.suggestion}` : finding.message;
  return {
    ruleId: finding.kind,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: escapeSarifText(text) },
    ...(primary ? { locations: [toLocation(primary, prefix)] } : {}),
    ...(related.length > 0 ? { relatedLocations: related.map((location, index) => ({ id: index + 1, ...toLocation(location, prefix) })) } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.id },
    ...(baselineState ? { baselineState } : {}),
    properties: {
      severity: finding.severity,
      services: finding.services,
      evidence: finding.evidence,
    },
  };
}

function toLocation(location: Location, prefix: string) {
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(`${prefix}${location.file}`), uriBaseId: '%SRCROOT%' },
      ...(location.line >= 1 ? { region: { startLine: location.line } } : {}),
    },
  };
}

/** A relative URI reference: percent-encoded, and no ':' that could read as a scheme. */
function toUri(posixPath: string): string {
  return encodeURI(posixPath).replace(/[?#:]/g, (c) => encodeURIComponent(c));
}

/**
 * SARIF plain-text messages treat `{n}` as placeholders (§3.11.5) and `[text](id)` as links
 * (§3.11.6): braces are doubled and brackets escaped so names from the code stay literal.
 */
export function escapeSarifText(value: string): string {
  return value
    .replace(/\\(?=[[\]])/g, '\\\\')
    .replace(/[[\]]/g, (c) => `\\${c}`)
    .replace(/[{}]/g, (c) => c + c);
}

function toRuleName(kind: string): string {
  return kind.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

type BaselineState = 'new' | 'unchanged' | 'updated';

/** SARIF result.baselineState: new findings are "new", renamed ones "updated", the rest "unchanged". */
function getBaselineStates(comparison: Comparison | undefined): ((id: string) => BaselineState) | null {
  if (!comparison) return null;
  const states = new Map<string, BaselineState>();
  for (const finding of comparison.findings.added) states.set(finding.id, 'new');
  for (const move of comparison.findings.moved) states.set(move.after.id, 'updated');
  return (id) => states.get(id) ?? 'unchanged';
}
