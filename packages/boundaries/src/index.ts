export { proposeBoundaries, type BoundaryOptions } from './propose-boundaries.ts';
export { dependenciesOf, type Dependency, type WeightedDependency, type Assignment } from './dependencies.ts';
export { SIGNALS } from './signals/index.ts';
export { comparePartitions, readTruthTsv, type Agreement, type Partition } from './compare/index.ts';
export {
  planMetrics,
  serviceMetrics,
  DEFAULT_NED_BOUNDS,
  reachOfFiles,
  useCaseReach,
  type UseCaseReach,
  type MetricInput,
  type PlanMetrics,
  type ServiceMetrics,
  type PlanMetricOptions,
} from './metrics/index.ts';
export { runLouvain } from './louvain-runs.ts';
export {
  planContext,
  moveFiles,
  mergeServices,
  renameService,
  setPinned,
  splitService,
  type PlanContext,
  type MoveTarget,
} from './edit/index.ts';
export { stem as singular } from './tokens.ts';
