import type { Severity } from '../types.js';

/** When `seams check` fails. Flags override the `gate` key of the config, which overrides these. */
export interface GateThresholds {
  /** Fail when modularity falls by more than this (absolute, 0..1). */
  maxModularityDrop: number;
  /** Fail when cross-service edges grow by more than this percentage (any growth from zero fails). */
  maxEdgeGrowthPercent: number;
  /** Fail when a table becomes shared by more than one service. */
  failOnNewSharedTable: boolean;
  /** Fail on new findings of this severity or higher; 'none' never fails on findings. */
  failOn: Severity | 'none';
}

export const DEFAULT_GATE_THRESHOLDS: GateThresholds = {
  maxModularityDrop: 0.02,
  maxEdgeGrowthPercent: 5,
  failOnNewSharedTable: true,
  failOn: 'info',
};

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };

export function isAtLeast(severity: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export function resolveGateThresholds(...layers: (Partial<GateThresholds> | undefined)[]): GateThresholds {
  const resolved = { ...DEFAULT_GATE_THRESHOLDS };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
    }
  }
  return resolved;
}
