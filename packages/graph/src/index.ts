export * from './schema.ts';
export { DataAccess, DataModel, DataTable } from './data-schema.ts';
export { SeamsConfig } from './config-schema.ts';
export { parseConfig } from './parse-config.ts';
export { History, FileHistory, CoChange } from './history-schema.ts';
export { USE_CASE_KINDS, UseCase } from './use-case-schema.ts';
export * from './errors.ts';
export type { ProgressEvent, ProgressListener } from './events.ts';
export { SEAMS_VERSION } from './version.ts';
export { findCycles, shortestCycle, stronglyConnected } from './find-cycles.ts';
export { summarizeGraph, type GraphSummary } from './summarize-graph.ts';
export { parseGraph } from './parse-graph.ts';
export { entryPath, isEntryGlob, matchingEntryPattern } from './public-entries.ts';
export { graphJsonSchema, planJsonSchema, baselineJsonSchema } from './json-schema.ts';
export {
  PLAN_VERSION,
  Plan,
  Service,
  PlanMetrics,
  ServiceMetrics,
  type ServiceMetricsRecord,
  type PlanMetricsRecord,
} from './plan-schema.ts';
export { parsePlan } from './parse-plan.ts';
export { BASELINE_VERSION, Baseline, BaselineEntry } from './baseline-schema.ts';
export { parseBaseline } from './parse-baseline.ts';
export { timeSteps, type StepTimer } from './time-steps.ts';
export { creditedTargets, usedName } from './credit-edge.ts';
export {
  isTableOwner,
  sharedTableCount,
  tableOwnership,
  type TableOwnership,
  type TableUse,
  type TableParty,
  type AccessSite,
  type CrossServiceTransaction,
  type CrossServiceForeignKey,
} from './table-ownership.ts';
export { PATTERN_NAMES, type TablePattern } from './table-pattern.ts';
export { validateGraph } from './validate-graph.ts';
export { pathProblem } from './path-problem.ts';
export { validatePlan, type PlanProblems } from './validate-plan.ts';
export { matchPlan, type PlanMatch, type MatchOptions } from './match-plan.ts';
export { findMovedFiles } from './find-moved-files.ts';
export { serviceLabels } from './service-labels.ts';
export { printable } from './printable.ts';
export { formatCount } from './format-count.ts';
