import type { Plan } from '@seams/graph';
import { planAndServiceMetrics } from '../metrics/index.ts';
import type { PlanContext } from './plan-context.ts';

/** A service as an edit leaves it: metrics and confidence are recomputed from the files. */
export interface ServiceDraft {
  id: string;
  name: string;
  files: readonly string[];
  /** Entries, when the edit changes them (a merge joins both services' entries). */
  public?: string[];
  /** Owned tables, when the edit changes them (a merge joins both lists). */
  tables?: string[];
}

/**
 * The plan after a hand edit: services without files disappear, metrics and service confidence
 * are recomputed, and files a person has placed (pinned) leave the review list.
 */
export function rebuildPlan(
  plan: Plan,
  context: PlanContext,
  drafts: readonly ServiceDraft[],
  shared: Plan['shared'],
  pinned: Iterable<string>,
): Plan {
  const kept = drafts.filter((draft) => draft.files.length > 0);
  const assignment = new Map(kept.flatMap((draft) => draft.files.map((file) => [file, draft.id] as const)));
  const input = { dependencies: context.dependencies, assignment, loc: context.loc, useCases: context.useCases };
  const metrics = planAndServiceMetrics(input);
  const perService = metrics.services;
  const pinnedSet = new Set(pinned);
  const before = new Map(plan.services.map((s) => [s.id, s]));
  const services = kept.map((draft) => {
    const files = [...draft.files].sort();
    const confidence =
      files.reduce((sum, file) => sum + (pinnedSet.has(file) ? 1 : (plan.confidence[file] ?? 1)), 0) / files.length;
    // What a person wrote into the service (entries, allowed dependencies, owned tables) survives every edit.
    const {
      public: entries,
      dependsOn,
      tables,
    } = {
      ...before.get(draft.id),
      ...(draft.public ? { public: draft.public } : {}),
      ...(draft.tables ? { tables: draft.tables } : {}),
    };
    return {
      id: draft.id,
      name: draft.name,
      files,
      confidence: Math.round(confidence * 1000) / 1000,
      metrics: perService.get(draft.id)!,
      ...(entries ? { public: entries } : {}),
      ...(dependsOn ? { dependsOn } : {}),
      ...(tables ? { tables } : {}),
    };
  });
  const review = plan.review.flatMap((entry) => {
    const service = assignment.get(entry.path);
    if (service === undefined || pinnedSet.has(entry.path)) return [];
    const { alternative, ...rest } = entry;
    return [
      {
        ...rest,
        service,
        ...(alternative !== undefined && alternative !== service && services.some((s) => s.id === alternative)
          ? { alternative }
          : {}),
      },
    ];
  });
  return {
    ...plan,
    services,
    shared: [...shared].sort((a, b) => a.path.localeCompare(b.path)),
    pinned: [...pinnedSet].filter((file) => assignment.has(file) || shared.some((s) => s.path === file)).sort(),
    review,
    metrics: metrics.plan,
  };
}
