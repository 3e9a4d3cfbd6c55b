import { FormatError } from './errors.ts';
import { Plan, PLAN_VERSION } from './plan-schema.ts';

/** Validates a plan read from JSON; the error names the first offending field. */
export function parsePlan(json: unknown, origin = 'plan'): Plan {
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== PLAN_VERSION) {
    throw new FormatError('SEAMS_PLAN_INVALID', `${origin} has plan format version ${version}; this seams reads version ${PLAN_VERSION}. Re-run 'seams boundaries'.`);
  }
  const result = Plan.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new FormatError('SEAMS_PLAN_INVALID', `${origin} is not a seams plan: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}
