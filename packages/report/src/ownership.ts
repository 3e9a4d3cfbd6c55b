import type { History, Plan } from '@seams/graph';
import { COORDINATING_SHARE, coordinationPoints } from './coordination.ts';
import { HOT_SPOT_FORMULA, hotSpots } from './hot-spots.ts';
import type { Ownership, ServiceOwnership } from './report-model.ts';
import { OWNING_SHARE, serviceOwnership } from './service-ownership.ts';

/**
 * Who changes what, from the graph's history: ownership per service (for the cards), and for the
 * plan where teams would have to coordinate and which files are hot spots.
 */
export function ownershipOf(
  history: History,
  plan: Plan,
  pairs: ReadonlyArray<{ from: string; to: string }>,
  serviceOf: ReadonlyMap<string, string>,
): { services: Map<string, ServiceOwnership>; ownership: Ownership } {
  const { services, basis } = serviceOwnership(history, plan);
  const window = {
    commits: history.commits,
    ...(history.since ? { since: history.since } : {}),
    ...(history.until ? { until: history.until } : {}),
  };
  const ownership: Ownership = {
    window,
    basis,
    owningShare: OWNING_SHARE,
    coordinatingShare: COORDINATING_SHARE,
    coordination: coordinationPoints(plan.services.map(({ id }) => ({ id, ownership: services.get(id)! }))),
    hotSpotFormula: HOT_SPOT_FORMULA,
    hotSpots: hotSpots(history, pairs, serviceOf, new Set(plan.shared.map((file) => file.path))),
  };
  return { services, ownership };
}
