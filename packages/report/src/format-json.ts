import type { ReportModel } from './report-model.ts';

/** The report model itself, for scripts and dashboards. */
export function formatJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
