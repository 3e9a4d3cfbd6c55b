import type { ReportModel } from './report-model.ts';

/** Whether a link runs between two services of the same cycle, for the maps to draw it in red. */
export function inCycle(model: Pick<ReportModel, 'serviceCycles'>): (link: { from: string; to: string }) => boolean {
  const group = new Map(model.serviceCycles.flatMap((cycle, index) => cycle.map((id) => [id, index] as const)));
  return (link) => group.has(link.from) && group.get(link.from) === group.get(link.to);
}
