import { z } from 'zod';

export const USE_CASE_KINDS = ['http', 'graphql', 'queue', 'schedule', 'cli', 'trace', 'other'] as const;

/**
 * A use case: one way the outside world drives the monolith (a route, a resolver, a consumer, a job, a
 * command, or a runtime trace). Files serving the same use cases belong together: the static counterpart
 * of Mono2Micro's business contexts.
 */
export const UseCase = z.object({
  id: z.string().describe("Stable, readable id: kind and what names it, e.g. 'http GET /orders/:id'"),
  kind: z.enum(USE_CASE_KINDS),
  entry: z.string().optional().describe('File that declares the entry point (router, controller, resolver...)'),
  line: z.number().int().nonnegative().optional().describe('Line of the declaration in the entry file'),
  files: z
    .array(z.string())
    .optional()
    .describe('Files the use case exercises (from a trace); absent: what the entry file reaches through imports'),
  weight: z.number().nonnegative().optional().describe('How often it runs (calls in a trace); default 1'),
});

export type UseCase = z.infer<typeof UseCase>;
