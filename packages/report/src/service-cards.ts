import type { Graph, Plan } from '@seams/graph';
import { compareCodeUnits } from './code-unit-order.ts';
import type { FileDependencies } from './file-dependencies.ts';
import type { ApiEntry } from './public-api.ts';
import type { ServiceCard } from './report-model.ts';
import { reachersOf, type ServiceLink } from './service-links.ts';

export interface CardInput {
  graph: Graph;
  plan: Plan;
  dependencies: FileDependencies;
  serviceOf: ReadonlyMap<string, string>;
  links: readonly ServiceLink[];
  apis: ReadonlyMap<string, ApiEntry[]>;
}

/** One card per service of the plan, in plan order. */
export function serviceCards(input: CardInput): ServiceCard[] {
  const { graph, plan, dependencies, serviceOf, links, apis } = input;
  const loc = new Map(graph.files.map((file) => [file.path, file.loc]));
  const shared = new Set(plan.shared.map((file) => file.path));
  const byName = byServiceName(plan);
  const weighted = (list: Array<{ service: string; weight: number }>) =>
    list.sort((a, b) => b.weight - a.weight || byName(a.service, b.service));

  return plan.services.map((service) => {
    const files = [...service.files]
      .sort(compareCodeUnits)
      .map((path) => ({ path, loc: loc.get(path) ?? 0, confidence: plan.confidence[path] ?? service.confidence }));
    const publicApi = apis.get(service.id) ?? [];
    const inbound = weighted(
      links.filter((link) => link.to === service.id).map((link) => ({ service: link.from, weight: link.weight })),
    );
    const outbound = weighted(
      links.filter((link) => link.from === service.id).map((link) => ({ service: link.to, weight: link.weight })),
    );
    const own = dependencies.pairs.filter((pair) => serviceOf.get(pair.from) === service.id);
    const sharedKernelUsed = [...new Set(own.map((pair) => pair.to).filter((to) => shared.has(to)))].sort(
      compareCodeUnits,
    );
    const interfaceFiles = new Set(
      dependencies.pairs
        .filter((pair) => serviceOf.get(pair.to) === service.id && isOther(serviceOf.get(pair.from), service.id))
        .map((pair) => pair.to),
    );
    return {
      id: service.id,
      name: service.name,
      files,
      loc: files.reduce((sum, file) => sum + file.loc, 0),
      confidence: service.confidence,
      publicApi,
      inbound,
      outbound,
      cycles: plan.metrics.serviceCycles.filter((cycle) => cycle.includes(service.id)),
      sharedKernelUsed,
      blastRadius: {
        direct: inbound.map((link) => link.service).sort(byName),
        transitive: reachersOf(service.id, links).sort(byName),
      },
      metrics: {
        cohesion: service.metrics.cohesion,
        coupling: service.metrics.coupling,
        apiSize: publicApi.length,
        interfaceFiles: interfaceFiles.size,
      },
    };
  });
}

function isOther(service: string | undefined, id: string): boolean {
  return service !== undefined && service !== id;
}

/** Orders service ids by their human name, then by id. */
export function byServiceName(plan: Pick<Plan, 'services'>): (a: string, b: string) => number {
  const names = new Map(plan.services.map((service) => [service.id, service.name]));
  return (a, b) => compareCodeUnits(names.get(a) ?? a, names.get(b) ?? b) || compareCodeUnits(a, b);
}
