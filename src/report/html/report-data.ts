import type { Analysis } from '../../types.js';

/**
 * One point of the project's history. The trend store fills `analysis.trend` with these (oldest
 * first); the report draws a chart for each metric it finds when there are two points or more.
 */
export interface TrendPoint {
  sha: string;
  /** ISO 8601 date of the commit. */
  date: string;
  metrics: Record<string, number>;
}

/** The Analysis as the report reads it: `trend` is the hook for history, absent until it exists. */
export type ReportAnalysis = Analysis & { trend?: TrendPoint[] };

/** A group of files drawn as one disc: x, y of its centre and its radius, in layout units. */
export type Disc = [x: number, y: number, radius: number];

/**
 * Positions computed in Node at render time, so the page never lays out thousands of nodes.
 * Arrays run parallel to the Analysis arrays (indices, not names, so no analysed string is ever
 * used as an object key).
 */
export interface GraphLayout {
  /** One disc per `analysis.services` entry. */
  services: Disc[];
  /** The shared kernel's files, or null when there are none. */
  kernel: Disc | null;
  /** Files no service claims, or null when there are none. */
  unassigned: Disc | null;
  /** One position per `analysis.tables` entry drawn in the service view (shared tables), else null. */
  tables: ([x: number, y: number] | null)[];
  /** Flat [x0, y0, x1, y1, …] in `analysis.files` order; each file lies inside its group's disc. */
  files: number[];
}

/** What the page embeds as JSON. */
export interface ReportData {
  analysis: ReportAnalysis;
  layout: GraphLayout;
}
