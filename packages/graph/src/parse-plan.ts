import { parseContract } from './parse-contract.ts';
import { Plan, PLAN_VERSION } from './plan-schema.ts';

/** Validates a plan read from JSON; the error names the first offending field. */
export function parsePlan(json: unknown, origin = 'plan'): Plan {
  return parseContract(
    { schema: Plan, version: PLAN_VERSION, kind: 'plan', code: 'SEAMS_PLAN_INVALID', remedy: 'seams boundaries' },
    json,
    origin,
  );
}
