import { FormatError } from './errors.ts';
import { parseContract } from './parse-contract.ts';
import { planAsParsed } from './plan-fast-path.ts';
import { Plan, PLAN_VERSION } from './plan-schema.ts';
import { validatePlan } from './validate-plan.ts';

/**
 * Validates a plan read from JSON: its schema, then that it partitions files (unique ids, each file
 * in one place, paths inside the root). The first problem is the error; `validatePlan` lists all.
 */
export function parsePlan(json: unknown, origin = 'plan'): Plan {
  const plan = parseContract(
    {
      schema: Plan,
      version: PLAN_VERSION,
      kind: 'plan',
      code: 'SEAMS_PLAN_INVALID',
      remedy: 'seams boundaries',
      expected: "pass a plan written by 'seams boundaries -o'",
      fast: planAsParsed,
    },
    json,
    origin,
  );
  const { errors } = validatePlan(plan);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new FormatError(
      'SEAMS_PLAN_INVALID',
      `${origin} is not a usable plan: ${errors[0]}${more}; correct it, or write a new one with 'seams boundaries'.`,
    );
  }
  return plan;
}
