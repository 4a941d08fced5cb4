import type { Finding, Severity } from '../../types.js';
import { compareStrings } from '../../util/sort.js';
import { sortLocations } from './create-finding.js';
import { findCrossServiceCycles } from './find-cross-service-cycles.js';
import { findCrossServiceEvents } from './find-cross-service-events.js';
import { findCrossServiceJoins } from './find-cross-service-joins.js';
import { findCrossServiceTransactions } from './find-cross-service-transactions.js';
import { findGodModules } from './find-god-modules.js';
import { findHubModules } from './find-hub-modules.js';
import { findMisplacedFiles } from './find-misplaced-files.js';
import { findScheduledJobs } from './find-scheduled-jobs.js';
import { findSharedMutableState } from './find-shared-mutable-state.js';
import { findSharedQueues } from './find-shared-queues.js';
import { findSharedTables } from './find-shared-tables.js';
import { findTypeOnlyCoupling } from './find-type-only-coupling.js';
import type { FindingInput } from './finding-input.js';

export type { FindingInput } from './finding-input.js';

const DETECTORS: ((input: FindingInput) => Finding[])[] = [
  findSharedTables,
  findCrossServiceJoins,
  findCrossServiceTransactions,
  findCrossServiceCycles,
  findHubModules,
  findGodModules,
  findSharedMutableState,
  findCrossServiceEvents,
  findSharedQueues,
  findScheduledJobs,
  findMisplacedFiles,
  findTypeOnlyCoupling,
];

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Every finding detector, run in turn: most severe first, then by kind, place and id. */
export function findFindings(input: FindingInput): Finding[] {
  return DETECTORS.flatMap((detect) => detect(input))
    .map((finding) => ({ ...finding, locations: sortLocations(finding.locations) }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        compareStrings(a.kind, b.kind) ||
        compareStrings(a.locations[0]?.file ?? '', b.locations[0]?.file ?? '') ||
        (a.locations[0]?.line ?? 0) - (b.locations[0]?.line ?? 0) ||
        compareStrings(a.id, b.id),
    );
}
