import { z } from 'zod';

/** Version of the baseline JSON format written by `seams check --update-baseline`. */
export const BASELINE_VERSION = 1;

export const BaselineEntry = z.object({
  rule: z.string().describe("Id of the rule broken, e.g. 'internal-import'"),
  from: z.string().describe('Importing file, relative to the graph root'),
  to: z.string().describe('Imported file, relative to the graph root'),
  fingerprint: z.string().describe('Identity of the finding across runs; line numbers play no part in it'),
  message: z.string().describe('What was wrong when the entry was recorded, for the person reviewing the file'),
});

export const Baseline = z.object({
  version: z.literal(BASELINE_VERSION),
  findings: z.array(BaselineEntry).describe('Known violations: only findings not listed here fail the check'),
});

export type Baseline = z.infer<typeof Baseline>;
export type BaselineEntry = z.infer<typeof BaselineEntry>;
