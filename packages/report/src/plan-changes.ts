import type { Plan } from '@seams/graph';
import { compareCodeUnits } from './code-unit-order.ts';
import type { PlanChanges } from './report-model.ts';

/** The plan metrics a change report compares, in the order reports show them. */
const COMPARED_METRICS = ['modularity', 'structuralModularity', 'icp', 'ifn', 'ned', 'mq'] as const;

/** What changed from `previous` to `current`; services are matched by id, which survives renames. */
export function planChanges(current: Plan, previous: Plan): PlanChanges {
  const before = new Map(previous.services.map((service) => [service.id, service]));
  const now = new Set(current.services.map((service) => service.id));
  const serviceBefore = assignment(previous);
  const movedFiles: PlanChanges['movedFiles'] = [];
  for (const [path, to] of assignment(current)) {
    const from = serviceBefore.get(path);
    if (from !== undefined && from !== to) movedFiles.push({ path, from, to });
  }
  const sharedBefore = new Set(previous.shared.map((file) => file.path));
  const sharedNow = new Set(current.shared.map((file) => file.path));
  return {
    added: [...now].filter((id) => !before.has(id)).sort(compareCodeUnits),
    removed: [...before.keys()].filter((id) => !now.has(id)).sort(compareCodeUnits),
    renamed: current.services.flatMap((service) => {
      const old = before.get(service.id);
      return old && old.name !== service.name ? [{ id: service.id, from: old.name, to: service.name }] : [];
    }),
    movedFiles: movedFiles.sort((a, b) => compareCodeUnits(a.path, b.path)),
    sharedAdded: [...sharedNow].filter((path) => !sharedBefore.has(path)).sort(compareCodeUnits),
    sharedRemoved: [...sharedBefore].filter((path) => !sharedNow.has(path)).sort(compareCodeUnits),
    metricDeltas: Object.fromEntries(
      COMPARED_METRICS.map((metric) => [metric, current.metrics[metric] - previous.metrics[metric]]),
    ),
  };
}

function assignment(plan: Plan): Map<string, string> {
  return new Map(plan.services.flatMap((service) => service.files.map((path) => [path, service.id] as const)));
}
