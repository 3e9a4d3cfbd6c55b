import type { Graph, Plan } from '@seams/graph';
import { compareCodeUnits } from './code-unit-order.ts';
import type { FileDependencies } from './file-dependencies.ts';
import type { ApiEntry } from './public-api.ts';
import type { ServiceCard } from './report-model.ts';
import { reachersOfAll, type ServiceLink } from './service-links.ts';

// Past this many services breaking through the direct callers, a card gives their number, not their names.
const THROUGH_LISTED = 50;

export interface CardInput {
  graph: Graph;
  plan: Plan;
  dependencies: FileDependencies;
  serviceOf: ReadonlyMap<string, string>;
  links: readonly ServiceLink[];
  apis: ReadonlyMap<string, ApiEntry[]>;
}

/**
 * One card per service of the plan, in plan order. Links, file pairs and cycles are indexed by service
 * once: filtering them per service made the report quadratic (minutes on a 1,000-service plan).
 */
export function serviceCards(input: CardInput): ServiceCard[] {
  const { graph, plan, dependencies, serviceOf, links, apis } = input;
  const loc = new Map(graph.files.map((file) => [file.path, file.loc]));
  // The shared kernel only: files set apart in a group (vendored, migrations, tests) are no kernel a service uses.
  const shared = new Set(plan.shared.filter((file) => file.group === undefined).map((file) => file.path));
  const byName = byServiceName(plan);
  const weighted = (list: Array<{ service: string; weight: number }> = []) =>
    list.sort((a, b) => b.weight - a.weight || byName(a.service, b.service));
  const inboundOf = new Map<string, Array<{ service: string; weight: number }>>();
  const outboundOf = new Map<string, Array<{ service: string; weight: number }>>();
  for (const link of links) {
    push(inboundOf, link.to, { service: link.from, weight: link.weight });
    push(outboundOf, link.from, { service: link.to, weight: link.weight });
  }
  // In pair order, as filtering the sorted pairs gave them.
  const sharedUsedOf = new Map<string, Set<string>>();
  const interfaceFilesOf = new Map<string, Set<string>>();
  for (const pair of dependencies.pairs) {
    const from = serviceOf.get(pair.from);
    if (from !== undefined && shared.has(pair.to)) add(sharedUsedOf, from, pair.to);
    const to = serviceOf.get(pair.to);
    if (to !== undefined && isOther(from, to)) add(interfaceFilesOf, to, pair.to);
  }
  const cyclesOf = new Map<string, string[][]>();
  for (const cycle of plan.metrics.serviceCycles) for (const id of new Set(cycle)) push(cyclesOf, id, cycle);
  // In name order, so every service's list comes out sorted.
  const reachers = reachersOfAll(plan.services.map((service) => service.id).sort(byName), links);

  return plan.services.map((service) => {
    const files = [...service.files]
      .sort(compareCodeUnits)
      .map((path) => ({ path, loc: loc.get(path) ?? 0, confidence: plan.confidence[path] ?? service.confidence }));
    const publicApi = apis.get(service.id) ?? [];
    const inbound = weighted(inboundOf.get(service.id));
    const outbound = weighted(outboundOf.get(service.id));
    const sharedKernelUsed = [...(sharedUsedOf.get(service.id) ?? [])].sort(compareCodeUnits);
    const direct = inbound.map((link) => link.service).sort(byName);
    const count = reachers.count(service.id);
    const directly = new Set(direct);
    return {
      id: service.id,
      name: service.name,
      files,
      loc: files.reduce((sum, file) => sum + file.loc, 0),
      confidence: service.confidence,
      publicApi,
      inbound,
      outbound,
      cycles: cyclesOf.get(service.id) ?? [],
      sharedKernelUsed,
      blastRadius: {
        direct,
        count,
        ...(count - direct.length <= THROUGH_LISTED
          ? { through: reachers.get(service.id).filter((id) => !directly.has(id)) }
          : {}),
      },
      metrics: {
        cohesion: service.metrics.cohesion,
        coupling: service.metrics.coupling,
        apiSize: publicApi.length,
        interfaceFiles: interfaceFilesOf.get(service.id)?.size ?? 0,
      },
    };
  });
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function isOther(service: string | undefined, id: string): boolean {
  return service !== undefined && service !== id;
}

/** Orders service ids by their human name, then by id. */
export function byServiceName(plan: Pick<Plan, 'services'>): (a: string, b: string) => number {
  const names = new Map(plan.services.map((service) => [service.id, service.name]));
  return (a, b) => compareCodeUnits(names.get(a) ?? a, names.get(b) ?? b) || compareCodeUnits(a, b);
}
