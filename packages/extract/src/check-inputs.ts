import { InputError, pathProblem, type Graph, type Plan } from '@seams/graph';

/**
 * What a service id may be, since generated code names it in file names, identifiers, string and
 * template literals, environment variables and a Dockerfile: lower-case letters, digits and dashes.
 * The service's name stays free text, used only as display text.
 */
export const SERVICE_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Refuses a plan or graph extract must not follow: a service id generated code cannot carry, a path
 * that leaves the project (pathProblem, the rule validatePlan and validateGraph apply), a plan whose service is not in
 * this project's graph. Everything later (generated imports, files read, the codemod's writes) only uses paths these
 * checks passed.
 */
export function checkInputs(graph: Pick<Graph, 'root' | 'files' | 'edges'>, plan: Plan, serviceId: string): void {
  const service = plan.services.find((s) => s.id === serviceId || s.name === serviceId);
  if (!service) return; // serviceApi names the ids there are.
  if (!SERVICE_ID.test(service.id))
    throw new InputError(
      'SEAMS_PLAN_INVALID',
      `service id ${JSON.stringify(service.id)} cannot name generated code: ids are lower-case letters, digits and dashes (like 'order-history'); rename it in the plan (its name can stay as it is).`,
    );
  const outside =
    graph.files.map((f) => f.path).find((path) => pathProblem(path) !== undefined) ??
    graph.edges.flatMap((e) => [e.from, e.to]).find((path) => pathProblem(path) !== undefined);
  if (outside !== undefined)
    throw new InputError(
      'SEAMS_GRAPH_INVALID',
      `the graph names ${JSON.stringify(outside)}, which is not a path inside the project: make the graph again with 'seams analyze'.`,
    );
  const strange = service.files.find((path) => pathProblem(path) !== undefined);
  if (strange !== undefined)
    throw new InputError(
      'SEAMS_PLAN_INVALID',
      `the plan gives ${service.id} the file ${JSON.stringify(strange)}, which is not a path inside the project: fix the plan or make it again with 'seams boundaries'.`,
    );
  const known = new Set(graph.files.map((f) => f.path));
  const missing = service.files.filter((path) => !known.has(path));
  if (missing.length > 0)
    throw new InputError(
      'SEAMS_PLAN_INVALID',
      `${missing.length} of ${service.id}'s ${service.files.length} files in the plan are not in ${graph.root} (${missing
        .slice(0, 3)
        .join(
          ', ',
        )}${missing.length > 3 ? ', ...' : ''}): the plan was made for another project or an older tree; make it again with 'seams boundaries'.`,
    );
}
