import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Analysis } from '../types.js';
import { UsageError } from '../util/errors.js';
import { compareStrings } from '../util/sort.js';
import { type FindingEntry, type Snapshot, toSnapshot } from './snapshot.js';
import { toSortedJson } from '../util/to-sorted-json.js';

export const BASELINE_FILE = 'seams-baseline.json';
export const BASELINE_SCHEMA_VERSION = 1;

/**
 * What a team accepted: the figures and findings of one analysis, committed next to the code.
 * No timestamps and sorted keys, so refreshing an unchanged project changes no byte.
 */
export interface Baseline extends Snapshot {
  schemaVersion: number;
  tool: { name: 'seams'; version: string };
  configHash: string;
  /**
   * The Louvain resolution the services were clustered at. `seams check` clusters at the same
   * one when none is configured: the automatic resolution follows the graph's size, and a
   * slightly different one could reshuffle services that did not change.
   */
  resolution?: number;
}

export interface BaselineUpdate {
  baseline: Baseline;
  /** Findings that were not in the previous baseline. */
  added: FindingEntry[];
  /** Previous entries that no longer reproduce and were kept (no --prune). */
  kept: FindingEntry[];
  /** Previous entries that no longer reproduce and were dropped (--prune). */
  pruned: FindingEntry[];
}

/** A baseline from a newer seams: never overwrite it with an older format. */
export class NewerBaselineError extends UsageError {}

export function getBaselinePath(root: string): string {
  return path.join(root, BASELINE_FILE);
}

/**
 * The baseline for `analysis`. Entries of the previous baseline that no longer reproduce stay
 * (a refresh must not silently accept their return) unless `prune` drops them.
 */
export function createBaseline(analysis: Analysis, configHash: string, previous: Baseline | null, prune: boolean): BaselineUpdate {
  const snapshot = toSnapshot(analysis);
  const currentIds = new Set(snapshot.findings.map((finding) => finding.id));
  const previousIds = new Set(previous?.findings.map((finding) => finding.id) ?? []);
  const stale = (previous?.findings ?? []).filter((finding) => !currentIds.has(finding.id));
  const findings = [...snapshot.findings, ...(prune ? [] : stale)].sort((a, b) => compareStrings(a.id, b.id));
  return {
    baseline: {
      schemaVersion: BASELINE_SCHEMA_VERSION,
      tool: { name: 'seams', version: analysis.tool.version },
      configHash,
      resolution: analysis.options.resolution ?? undefined,
      ...snapshot,
      findings,
    },
    added: previous ? snapshot.findings.filter((finding) => !previousIds.has(finding.id)) : snapshot.findings,
    kept: prune ? [] : stale,
    pruned: prune ? stale : [],
  };
}

export function renderBaseline(baseline: Baseline): string {
  return toSortedJson(baseline);
}

const severity = z.enum(['high', 'medium', 'low', 'info']);
const baselineSchema = z.object({
  schemaVersion: z.number().int().min(1),
  tool: z.object({ name: z.literal('seams'), version: z.string() }),
  configHash: z.string(),
  resolution: z.number().positive().optional(),
  metrics: z.object({
    modularity: z.number(),
    sm: z.number(),
    icp: z.number(),
    ifn: z.number(),
    ned: z.number(),
    mq: z.number(),
    crossServiceEdges: z.number(),
    sharedTables: z.number(),
    crossServiceTransactions: z.number(),
  }),
  findings: z.array(
    z.object({ id: z.string(), kind: z.string(), severity, message: z.string(), services: z.array(z.string()) }),
  ),
  counts: z.record(z.string(), z.number()),
  sharedTables: z.array(z.string()),
  dependencies: z.array(z.object({ from: z.string(), to: z.string(), edges: z.number() })),
  summary: z.object({ files: z.number(), services: z.number() }),
});

/** The committed baseline at `root`, or null when there is none. */
export function readBaseline(root: string): Baseline | null {
  const file = getBaselinePath(root);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`${BASELINE_FILE}: cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${BASELINE_FILE}: invalid JSON: ${(error as Error).message.split('\n')[0]}; rewrite it with \`seams baseline\``);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > BASELINE_SCHEMA_VERSION) {
    throw new NewerBaselineError(`${BASELINE_FILE}: written by a newer seams (baseline schemaVersion ${version}); upgrade seams`);
  }
  const result = baselineSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'top level';
    throw new UsageError(`${BASELINE_FILE}: ${where}: ${issue.message}; rewrite it with \`seams baseline\``);
  }
  return result.data as Baseline;
}
