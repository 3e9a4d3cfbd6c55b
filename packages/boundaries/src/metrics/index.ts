export type { MetricInput, PlanMetricOptions, PlanMetrics, ServiceMetrics } from './types.ts';
export { serviceMetrics } from './service-metrics.ts';
export { DEFAULT_NED_BOUNDS, planAndServiceMetrics, planMetrics } from './plan-metrics.ts';
export { reachOfFiles, useCaseReach, type UseCaseReach } from './use-case-reach.ts';
