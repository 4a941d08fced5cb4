import { analyze } from '../../../src/analyze.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { toAnalysisOptions } from '../../../src/config/to-analysis-options.js';
import type { Analysis, Finding } from '../../../src/types.js';
import { getFixturePath } from '../../helpers/fixture-path.js';

/** Analyses `fixtures/findings/<kind>/` with its seams.config.json, as `seams analyze` would. */
export async function analyzeFindingFixture(kind: string): Promise<Analysis> {
  const root = getFixturePath('findings', kind);
  return analyze({ root, ...toAnalysisOptions(loadConfig(root).config), workers: false });
}

export function findingsOfKind(analysis: Analysis, kind: string): Finding[] {
  return analysis.findings.filter((finding) => finding.kind === kind);
}
