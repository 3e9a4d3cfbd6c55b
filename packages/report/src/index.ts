export { buildReportModel, type ReportOptions } from './build-report-model.ts';
export type {
  ReportModel,
  ServiceCard,
  ExtractionStep,
  PlanChanges,
  Ownership,
  ServiceOwnership,
  TeamShare,
  Coordination,
  HotSpot,
} from './report-model.ts';
export { REPORTERS, renderReport, type Reporter } from './reporters.ts';
export { EFFORT_FORMULA } from './extraction-order.ts';
