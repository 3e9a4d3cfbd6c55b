import { pathProblem } from './path-problem.ts';
import type { Plan } from './plan-schema.ts';
import { serviceLabels } from './service-labels.ts';

/** What is wrong with a plan beyond its schema: errors make it unusable, warnings let a command go on. */
export interface PlanProblems {
  errors: string[];
  warnings: string[];
}

/**
 * Checks that a plan partitions files: unique service ids, each file in one service or the shared
 * group and listed once, every path inside the root. Every stage keys maps by id and by file, so
 * an overlap would count a file twice (a report of 144 files out of 143) or draw nothing at all.
 * Ids in `dependsOn` and `allow` that name no service only make the check stricter: warnings.
 */
export function validatePlan(plan: Pick<Plan, 'services' | 'shared'>): PlanProblems {
  const errors: string[] = [];
  const warnings: string[] = [];
  const label = serviceLabels(plan.services);
  const ids = new Set<string>();
  for (const service of plan.services) {
    if (ids.has(service.id)) errors.push(`two services have the id '${service.id}'; ids must be unique`);
    ids.add(service.id);
  }
  const placed = new Map<string, string>();
  const place = (file: string, where: string) => {
    const problem = pathProblem(file);
    if (problem) errors.push(`${file} in ${where} ${problem}`);
    const before = placed.get(file);
    if (before === undefined) placed.set(file, where);
    else
      errors.push(before === where ? `${file} is listed twice in ${where}` : `${file} is in ${before} and in ${where}`);
  };
  for (const service of plan.services) for (const file of service.files) place(file, label(service.id));
  for (const { path } of plan.shared) place(path, 'the shared group');

  for (const service of plan.services)
    for (const id of service.dependsOn ?? [])
      if (!ids.has(id))
        warnings.push(`the dependsOn list of ${label(service.id)} names '${id}', which is no service of the plan`);
  for (const { path, allow } of plan.shared)
    for (const id of allow ?? [])
      if (!ids.has(id))
        warnings.push(`the allow list of the shared file ${path} names '${id}', which is no service of the plan`);
  return { errors, warnings };
}
