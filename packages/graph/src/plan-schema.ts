import { z } from 'zod';

/** Version of the plan JSON format; bumped on any incompatible change. */
export const PLAN_VERSION = 1;

export const ServiceMetrics = z.object({
  files: z.number().int().describe('Files in the service'),
  loc: z.number().int().describe('Lines of code of its files'),
  internalDependencies: z.number().int().describe('Dependencies with both ends in the service'),
  inbound: z.record(z.string(), z.number()).describe('Other service id -> dependencies from it into this one'),
  outbound: z.record(z.string(), z.number()).describe('Other service id -> dependencies from this one into it'),
  cohesion: z.number().describe('Internal dependencies / (files x (files - 1)): directed density'),
  coupling: z.number().describe('Dependencies crossing the boundary / all dependencies touching its files'),
  interfaceFiles: z.array(z.string()).describe('Its files used by files of other services'),
  apiSurface: z.array(z.string()).describe("'file#name' of its exports used from other services"),
});

export const PlanMetrics = z.object({
  services: z.number().int(),
  files: z.number().int().describe('Files in services (the shared group excluded)'),
  modularity: z.number().describe("Newman's Q on the call-weighted undirected graph"),
  structuralModularity: z.number().describe('SM: mean structural cohesion minus mean coupling between services'),
  icp: z
    .number()
    .describe('Inter-partition call percentage, 0..1: calls between services / all calls, each pair ln(calls) + 1'),
  ifn: z.number().describe('Interface number: mean interface files per service'),
  ned: z.number().describe('Non-extreme distribution: share of files in services outside 5..20 files; lower is better'),
  mq: z.number().describe("Bunch's modularization quality"),
  cohesion: z.number().describe('Mean service cohesion'),
  coupling: z.number().describe('Mean service coupling'),
  serviceCycles: z.array(z.array(z.string())).describe('Groups of services that depend on each other in a loop'),
  bcp: z
    .number()
    .optional()
    .describe('Business context purity: mean over services of ln(use cases reaching it); absent without use cases'),
});

export const Service = z.object({
  id: z.string().describe('Stable identifier; survives renames and re-clustering with --keep'),
  name: z.string().describe('Human name, the dominant domain word; edit freely'),
  files: z.array(z.string()).describe('Files of the service, relative to the graph root'),
  confidence: z.number().describe('Mean confidence of its files, 0..1'),
  metrics: ServiceMetrics,
  public: z
    .array(z.string())
    .optional()
    .describe(
      "Its entries, the files other services may import: paths relative to the graph root or globs ('src/orders/api/**'). Absent means none",
    ),
  dependsOn: z
    .array(z.string())
    .optional()
    .describe('When present, the only service ids this service may import from; absent means any'),
  tables: z
    .array(z.string())
    .optional()
    .describe(
      'Tables this service owns, as graph.tables names them: reports give it them, and seams check reports writes to them from other services. Absent: a table belongs to the service that writes it most',
    ),
});

export const Plan = z.object({
  version: z.literal(PLAN_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  graph: z
    .object({ root: z.string(), source: z.string(), files: z.number().int() })
    .describe('The graph the plan was computed from'),
  parameters: z
    .object({
      signals: z.array(z.string()),
      weights: z.record(z.string(), z.number()).describe('Share of the combined weight each signal had'),
      resolution: z.number(),
      services: z.number().int().optional(),
      minServiceSize: z.number().int(),
      maxServiceSize: z.number().int(),
      seed: z.number().int(),
      seeds: z.number().int().describe('Runs used to estimate confidence'),
      lowConfidence: z.number().describe('Files below this confidence are flagged for review'),
    })
    .describe('How the plan was computed, so it can be recomputed the same way'),
  services: z.array(Service),
  shared: z
    .array(
      z.object({
        path: z.string(),
        reason: z.string(),
        group: z
          .string()
          .optional()
          .describe(
            "A named group of files that are not a service ('tests', 'tool configs', 'migrations', 'scripts', 'browser', 'composition roots', 'declarations', 'vendored'); absent: the shared kernel",
          ),
        allow: z
          .array(z.string())
          .optional()
          .describe('When present, the only service ids that may import this file; absent means every service'),
      }),
    )
    .describe('The shared kernel: files used across services, kept apart'),
  pinned: z
    .array(z.string())
    .describe('Files a person placed by hand; re-clustering with --keep leaves them where they are'),
  confidence: z.record(z.string(), z.number()).describe('File -> share of seeded runs that agree with its placement'),
  review: z
    .array(
      z.object({ path: z.string(), service: z.string(), confidence: z.number(), alternative: z.string().optional() }),
    )
    .describe('Low-confidence files for a human decision, lowest first'),
  metrics: PlanMetrics,
});

export type Plan = z.infer<typeof Plan>;
export type Service = z.infer<typeof Service>;
export type ServiceMetricsRecord = z.infer<typeof ServiceMetrics>;
export type PlanMetricsRecord = z.infer<typeof PlanMetrics>;
