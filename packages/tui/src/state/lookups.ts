import { tableOwnership, type Plan, type TableOwnership } from '@seams/graph';
import type { PlanContext, WeightedDependency } from '@seams/boundaries';

/** Marks a file of the shared group where a service id would be. */
export const SHARED = '(shared)';

const owners = new WeakMap<Plan, Map<string, string>>();

/** File -> service id, or SHARED; computed once per plan (plans are never mutated). */
export function ownerOf(plan: Plan): ReadonlyMap<string, string> {
  let map = owners.get(plan);
  if (!map) {
    map = new Map(plan.shared.map((s) => [s.path, SHARED]));
    for (const service of plan.services) for (const file of service.files) map.set(file, service.id);
    owners.set(plan, map);
  }
  return map;
}

export const serviceById = (plan: Plan, id: string) => plan.services.find((s) => s.id === id);

const tables = new WeakMap<Plan, TableOwnership>();

/** Who owns which table under this plan; computed once per plan. */
export function tablesOf(plan: Plan, context: PlanContext): TableOwnership {
  let result = tables.get(plan);
  if (!result) tables.set(plan, (result = tableOwnership(context.graph, plan)));
  return result;
}

export const nameOf = (plan: Plan, id: string | undefined): string =>
  id === SHARED ? 'shared' : (serviceById(plan, id ?? '')?.name ?? '-');

interface Links {
  imports: Map<string, WeightedDependency[]>;
  importers: Map<string, WeightedDependency[]>;
}

const links = new WeakMap<PlanContext, Links>();

/** Each file's dependencies both ways; the graph does not change during a session. */
export function linksOf(context: PlanContext): Links {
  let result = links.get(context);
  if (!result) {
    result = { imports: new Map(), importers: new Map() };
    for (const dependency of context.dependencies) {
      push(result.imports, dependency.from, dependency);
      push(result.importers, dependency.to, dependency);
    }
    links.set(context, result);
  }
  return result;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
