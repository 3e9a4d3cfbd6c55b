import { businessContextPurity } from './business-context-purity.ts';
import { modularizationQuality, newmanModularity, structuralModularity } from './modularity.ts';
import { buildServiceGraph, type ServiceGraph } from './service-graph.ts';
import { metricsOfServices } from './service-metrics.ts';
import { serviceCycles } from './service-cycles.ts';
import type { MetricInput, PlanMetricOptions, PlanMetrics, ServiceMetrics } from './types.ts';

/** The Mono2Micro size band: services of 5 to 20 files are neither too small nor too large. */
export const DEFAULT_NED_BOUNDS: readonly [number, number] = [5, 20];

/** Whole-plan metrics; nothing is rounded (reports round for display). */
export function planMetrics(input: MetricInput, options: PlanMetricOptions = {}): PlanMetrics {
  return planAndServiceMetrics(input, options).plan;
}

/**
 * The plan's metrics and each service's (by id, in id order) from one service graph: building it and the
 * per-service tallies once, not once per call of {@link planMetrics} and `serviceMetrics`.
 */
export function planAndServiceMetrics(
  input: MetricInput,
  options: PlanMetricOptions = {},
): { plan: PlanMetrics; services: Map<string, ServiceMetrics> } {
  const graph = buildServiceGraph(input);
  const perService = metricsOfServices(graph, input.loc);
  return { plan: metricsOfPlan(graph, [...perService.values()], input, options), services: perService };
}

function metricsOfPlan(
  graph: ServiceGraph,
  services: readonly ServiceMetrics[],
  input: MetricInput,
  options: PlanMetricOptions,
): PlanMetrics {
  const files = services.reduce((sum, service) => sum + service.files, 0);

  // Mono2Micro's ICP damps each file pair's call volume v to ln(v) + 1, so one hot pair does not decide it.
  let calls = 0;
  let crossingCalls = 0;
  for (const dependency of graph.dependencies) {
    const volume = 1 + Math.log(Math.max(1, dependency.calls));
    calls += volume;
    if (dependency.fromService !== dependency.toService) crossingCalls += volume;
  }

  const [low, high] = options.nedBounds ?? DEFAULT_NED_BOUNDS;
  const nonExtreme = services.filter((service) => service.files >= low && service.files <= high);
  const filesInNonExtreme = nonExtreme.reduce((sum, service) => sum + service.files, 0);

  return {
    services: services.length,
    files,
    modularity: newmanModularity(graph),
    structuralModularity: structuralModularity(graph),
    icp: calls > 0 ? crossingCalls / calls : 0,
    ifn: mean(services.map((service) => service.interfaceFiles.length)),
    ned: files > 0 ? 1 - filesInNonExtreme / files : 0,
    mq: modularizationQuality(graph),
    cohesion: mean(services.map((service) => service.cohesion)),
    coupling: mean(services.map((service) => service.coupling)),
    serviceCycles: serviceCycles(graph),
    ...(input.useCases ? { bcp: businessContextPurity(graph, input.useCases) } : {}),
  };
}

const mean = (values: readonly number[]) =>
  values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
