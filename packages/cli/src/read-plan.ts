import { readFileSync } from 'node:fs';
import { InputError, parsePlan, type Plan } from '@seams/graph';

/** A plan file from `seams boundaries -o`, validated; a missing or broken one is a one-line user error. */
export function readPlan(path: string): Plan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError('SEAMS_INPUT_NOT_FOUND', `cannot read the plan ${path} (${(error as NodeJS.ErrnoException).code}).`);
  }
  try {
    return parsePlan(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof SyntaxError) throw new InputError('SEAMS_PLAN_INVALID', `${path} is not valid JSON: ${error.message}`);
    throw error;
  }
}
