export { type AnalyzeOptions, analyze } from './analyze.js';
export { DEFAULT_OPTIONS, DEFAULT_WEIGHTS } from './config/defaults.js';
export * from './types.js';
