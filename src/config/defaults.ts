import type { AnalysisOptions, EdgeKind } from '../types.js';

/**
 * Edge weights by kind. A runtime import is the unit; a type-only import is a weaker tie (it
 * disappears at run time and is solved by a contracts package); a dynamic import is lazy; DI
 * wiring adds to an import because the framework will call across it; a table write binds
 * code to its data harder than a read, because after a split only one service may write; a
 * model or entity file declaring a table belongs with it as a reader does; `name` is the weak tie
 * between files in different folders whose names share a rare domain word.
 */
export const DEFAULT_WEIGHTS: Record<EdgeKind, number> = {
  import: 1,
  require: 1,
  type: 0.3,
  dynamic: 0.7,
  di: 1,
  read: 1,
  write: 2,
  declare: 1,
  state: 0,
  name: 0.3,
  folder: 1,
};

export const DEFAULT_OPTIONS: AnalysisOptions = {
  seed: 42,
  seeds: 8,
  resolution: null,
  targetServices: null,
  minServiceSize: 3,
  includeTests: false,
  include: [],
  exclude: [],
  sharedKernel: { include: [], exclude: [], minFanInRatio: 0.15 },
  weights: DEFAULT_WEIGHTS,
  maxFileSize: 1_000_000,
  tsconfig: null,
  nedBand: [5, 100],
  pins: {},
  groups: [],
  serviceNames: {},
};
