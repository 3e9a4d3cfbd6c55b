import { tableOwnership, type Graph, type Plan } from '@seams/graph';
import { extractionOrder } from './extraction-order.ts';
import { fileDependencies } from './file-dependencies.ts';
import { ownershipOf } from './ownership.ts';
import { planChanges } from './plan-changes.ts';
import { publicApis } from './public-api.ts';
import type { ReportModel } from './report-model.ts';
import { byServiceName, serviceCards } from './service-cards.ts';
import { serviceData } from './service-data.ts';
import { serviceLinks } from './service-links.ts';

export interface ReportOptions {
  /** The plan this one replaces; adds "changes" to the report. */
  previous?: Plan;
  /** Defaults to "Service boundaries of <last folder of the graph root>". */
  title?: string;
}

/**
 * Computes everything a report shows from a graph and a plan computed on it. Weights count
 * file dependencies (distinct file pairs, barrels traced to the declaring files); the shared
 * kernel is no service, so dependencies on it show only as "shared kernel used". Ownership and hot
 * spots are there only when the graph carries git history, data ownership only when it carries table accesses.
 */
export function buildReportModel(graph: Graph, plan: Plan, options: ReportOptions = {}): ReportModel {
  const serviceOf = new Map(
    plan.services.flatMap((service) => service.files.map((path) => [path, service.id] as const)),
  );
  const dependencies = fileDependencies(graph.edges);
  const links = serviceLinks(dependencies.pairs, serviceOf);
  const cards = serviceCards({
    graph,
    plan,
    dependencies,
    serviceOf,
    links,
    apis: publicApis(dependencies.uses, serviceOf),
  });
  const byName = byServiceName(plan);
  const { metrics } = plan;
  // The services using each shared file, in one pass over the pairs (not one per shared file).
  const sharedPaths = new Set(plan.shared.map((file) => file.path));
  const usersOf = new Map<string, Set<string>>();
  for (const pair of dependencies.pairs) {
    const user = serviceOf.get(pair.from);
    if (user === undefined || !sharedPaths.has(pair.to)) continue;
    const users = usersOf.get(pair.to);
    if (users) users.add(user);
    else usersOf.set(pair.to, new Set([user]));
  }
  // Before the extraction order, which counts the table accesses crossing each boundary.
  const data = graph.data?.length || graph.tables?.length ? tableOwnership(graph, plan) : undefined;
  if (data) {
    const byService = serviceData(
      data,
      plan.services.map((service) => service.id),
    );
    for (const card of cards) card.data = byService.get(card.id)!;
  }
  const model: ReportModel = {
    title: options.title ?? `Service boundaries of ${lastFolder(graph.root)}`,
    root: graph.root,
    generatedFrom: {
      graphFiles: graph.files.length,
      planServices: plan.services.length,
      signals: plan.parameters.signals,
      lowConfidence: plan.parameters.lowConfidence,
    },
    metrics: {
      modularity: metrics.modularity,
      structuralModularity: metrics.structuralModularity,
      icp: metrics.icp,
      ifn: metrics.ifn,
      ned: metrics.ned,
      mq: metrics.mq,
      cohesion: metrics.cohesion,
      coupling: metrics.coupling,
    },
    services: cards,
    shared: plan.shared.map(({ path, reason, group }) => ({
      path,
      reason,
      ...(group === undefined ? {} : { group }),
      usedBy: [...(usersOf.get(path) ?? [])].sort(byName),
    })),
    links,
    serviceCycles: metrics.serviceCycles,
    extractionOrder: extractionOrder(cards),
  };
  if (options.previous) model.changes = planChanges(plan, options.previous);
  if (graph.history) {
    const { services, ownership } = ownershipOf(graph.history, plan, dependencies.pairs, serviceOf);
    for (const card of cards) card.ownership = services.get(card.id)!;
    model.ownership = ownership;
  }
  if (data) model.data = data;
  return model;
}

function lastFolder(root: string): string {
  return root.split('/').filter(Boolean).at(-1) ?? root;
}
