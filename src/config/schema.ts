import { z } from 'zod';
import type { EdgeKind } from '../types.js';
import { DEFAULT_WEIGHTS } from './defaults.js';

const glob = z
  .string()
  .min(1, 'expected a non-empty glob')
  .regex(/^[^/]/, 'globs are relative to the analysed root; remove the leading /')
  .describe('A picomatch glob, relative to the analysed root, with forward slashes');

const globs = z.array(glob);

const serviceName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected a service name of letters, digits, ".", "_" or "-" (at most 64)')
  .describe('A service name');

const weight = z.number().min(0, 'expected a weight of 0 or more');

/** One optional weight per edge kind, taken from the defaults so that a new kind cannot be forgotten. */
const WEIGHT_SHAPE = Object.fromEntries(
  Object.entries(DEFAULT_WEIGHTS).map(([kind, value]) => [kind, weight.optional().describe(`Default ${value}`)]),
) as Record<EdgeKind, z.ZodOptional<z.ZodNumber>>;

/**
 * `seams.config.json` (or the `seams` key of package.json). Every key is optional; CLI flags
 * override the file. Keys starting with `//` are comments and are ignored at any level.
 */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors'),
    include: globs.optional().describe('Only analyse files matching these globs'),
    exclude: globs.optional().describe('Skip files matching these globs'),
    includeTests: z.boolean().optional().describe('Analyse test files too (excluded by default)'),
    tsconfig: z.string().min(1).optional().describe('tsconfig for the root, relative to it (default: nearest tsconfig.json)'),
    maxFileSize: z.number().int().positive().optional().describe('Skip source files larger than this many bytes'),
    sharedKernel: z
      .strictObject({
        include: globs.optional().describe('Always put matching files in the shared kernel'),
        exclude: globs.optional().describe('Never put matching files in the shared kernel'),
        minFanInRatio: z
          .number()
          .gt(0, 'expected a ratio above 0')
          .lte(1, 'expected a ratio of at most 1')
          .optional()
          .describe('Share of all files that must use a file before it counts as shared kernel'),
      })
      .optional()
      .describe('Utility modules set aside so they do not glue services together'),
    weights: z
      .strictObject(WEIGHT_SHAPE)
      .optional()
      .describe('Edge weight per kind of dependency'),
    resolution: z.number().positive('expected a resolution above 0').optional().describe('Louvain resolution: higher gives more, smaller services'),
    seed: z.number().int().min(0).optional().describe('Random seed for clustering (same seed, same result)'),
    seeds: z.number().int().min(1).max(100).optional().describe('Clustering runs used to compute confidence'),
    services: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe('Search the resolution that gives about this many services'),
    minServiceSize: z.number().int().min(1).optional().describe('Smaller clusters are merged into their strongest neighbour'),
    nedBand: z
      .tuple([z.number().int().min(1), z.number().int().min(1)])
      .refine(([min, max]) => min <= max, 'expected [min, max] with min <= max')
      .optional()
      .describe('Service sizes (in files) that NED counts as neither too small nor too large'),
    pins: z
      .record(glob, serviceName)
      .optional()
      .describe('Put the files matching a glob into the named service, whatever the clustering says'),
    groups: z
      .array(globs.min(1, 'expected at least one glob in a group'))
      .optional()
      .describe('Lists of globs whose files must end up in the same service'),
    serviceNames: z
      .record(z.string().min(1), serviceName)
      .optional()
      .describe('Rename generated service ids: { "generated-id": "team name" }'),
    gate: z
      .strictObject({
        maxModularityDrop: z.number().min(0).optional().describe('Fail when modularity falls by more than this (default 0.02)'),
        maxEdgeGrowthPercent: z.number().min(0).optional().describe('Fail when cross-service edges grow by more than this percentage (default 5)'),
        failOnNewSharedTable: z.boolean().optional().describe('Fail when a table becomes shared between services (default true)'),
        failOn: z.enum(['high', 'medium', 'low', 'info', 'none']).optional().describe('Fail on new findings of this severity or higher (default info)'),
      })
      .optional()
      .describe('When `seams check` fails; its flags override these'),
  })
  .describe('seams configuration. JSON only: seams never runs JavaScript config. Keys starting with // are comments.');

export type SeamsConfig = z.infer<typeof configSchema>;
