import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError, matchPlan, parsePlan, printable, validatePlan, type Graph, type Plan } from '@seams/graph';
import type { Streams } from './streams.ts';

/**
 * A plan file from `seams boundaries -o`, validated: its schema, and that it partitions files
 * (unique ids, each file in one place, paths inside the root). A missing or broken one is a
 * one-line user error.
 */
export function readPlan(path: string): Plan {
  return parsePlanText(readPlanText(path), path);
}

/** The plan file's text; an unreadable one is a one-line user error. */
export function readPlanText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      'SEAMS_INPUT_NOT_FOUND',
      `cannot read the plan ${path} (${(error as NodeJS.ErrnoException).code}).`,
    );
  }
}

/** The plan in `text`, validated as `readPlan` does. */
export function parsePlanText(text: string, path: string): Plan {
  try {
    return parsePlan(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new InputError('SEAMS_PLAN_INVALID', `${path} is not valid JSON: ${error.message}`);
    throw error;
  }
}

/**
 * The plan a command on project `dir` keeps to: `--plan`, else seams.plan.json in it; missing is a one-line error
 * saying how to make it.
 */
export function readProjectPlan(cwd: string, dir: string, flag: string | undefined): { plan: Plan; planPath: string } {
  const planPath = projectPlanPath(cwd, dir, flag);
  return { plan: readPlan(planPath), planPath };
}

/** Where the plan of `readProjectPlan` is, once it is known to exist. */
export function projectPlanPath(cwd: string, dir: string, flag: string | undefined): string {
  const planPath = resolve(cwd, flag ?? join(resolve(cwd, dir), 'seams.plan.json'));
  if (!existsSync(planPath))
    throw new InputError(
      'SEAMS_INPUT_NOT_FOUND',
      `no plan at ${relative(cwd, planPath) || planPath}: write one with 'seams boundaries ${dir} -o ${relative(cwd, planPath)}', or pass --plan.`,
    );
  return planPath;
}

// How many gone files a warning names before it says "...".
const SHOWN = 3;

/**
 * Holds a plan against the graph a command works on. Another project's plan (most of its files
 * not there) is an error, SEAMS_PLAN_MISMATCH; files it lists that are gone and ids it names that
 * no service has are warnings, returned for the command to print where it can.
 */
export function planWarnings(
  plan: Plan,
  graph: Pick<Graph, 'root' | 'files'>,
  planPath: string,
  cwd: string,
): string[] {
  const origin = relative(cwd, planPath) || planPath;
  const { missing, moved } = matchPlan(plan, graph, { origin });
  const warnings = validatePlan(plan).warnings.map((warning) => `${origin}: ${warning}`);
  if (missing.length > 0) {
    const shown = missing.slice(0, SHOWN).map((file) => (moved.has(file) ? `${file} → ${moved.get(file)}` : file));
    const more = missing.length > SHOWN ? ', ...' : '';
    const many = missing.length === 1 ? '1 file it lists is' : `${missing.length} files it lists are`;
    const looks = moved.size > 0 ? `, ${moved.size === missing.length ? 'all' : moved.size} looking moved` : '';
    warnings.push(
      `${origin}: ${many} no longer in the project (${shown.join(', ')}${more}${looks}); update it in 'seams ui', or with 'seams boundaries --keep ${origin} -o ${origin}'`,
    );
  }
  return warnings;
}

/** Prints warnings on stderr, one line each, control characters escaped. */
export function printWarnings(streams: Streams, warnings: readonly string[]): void {
  for (const warning of warnings) streams.stderr.write(`seams: warning: ${printable(warning)}\n`);
}
