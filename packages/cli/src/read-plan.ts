import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError, parsePlan, type Plan } from '@seams/graph';

/** A plan file from `seams boundaries -o`, validated; a missing or broken one is a one-line user error. */
export function readPlan(path: string): Plan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      'SEAMS_INPUT_NOT_FOUND',
      `cannot read the plan ${path} (${(error as NodeJS.ErrnoException).code}).`,
    );
  }
  try {
    return parsePlan(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new InputError('SEAMS_PLAN_INVALID', `${path} is not valid JSON: ${error.message}`);
    throw error;
  }
}

/** The plan a command on project `dir` keeps to: `--plan`, else seams.plan.json in it; missing is a one-line error saying how to make it. */
export function readProjectPlan(cwd: string, dir: string, flag: string | undefined): { plan: Plan; planPath: string } {
  const planPath = resolve(cwd, flag ?? join(resolve(cwd, dir), 'seams.plan.json'));
  if (!existsSync(planPath))
    throw new InputError(
      'SEAMS_INPUT_NOT_FOUND',
      `no plan at ${relative(cwd, planPath) || planPath}: write one with 'seams boundaries ${dir} -o ${relative(cwd, planPath)}', or pass --plan.`,
    );
  return { plan: readPlan(planPath), planPath };
}
