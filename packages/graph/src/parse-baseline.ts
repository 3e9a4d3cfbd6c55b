import { Baseline, BASELINE_VERSION } from './baseline-schema.ts';
import { parseContract } from './parse-contract.ts';

/** Validates a baseline read from JSON; the error names the first offending field. */
export function parseBaseline(json: unknown, origin = 'baseline'): Baseline {
  return parseContract(
    {
      schema: Baseline,
      version: BASELINE_VERSION,
      kind: 'baseline',
      code: 'SEAMS_BASELINE_INVALID',
      remedy: 'seams check --update-baseline',
      expected: "pass a baseline written by 'seams check --update-baseline'",
    },
    json,
    origin,
  );
}
