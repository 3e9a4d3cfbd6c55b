import { entryPath, InputError, type Plan } from '@seams/graph';
import type { PlanContext } from './plan-context.ts';
import { rebuildPlan, type ServiceDraft } from './rebuild-plan.ts';

/** Where moved files go: an existing service, a new one, or the shared group. */
export type MoveTarget = { service: string } | { newService: string } | { shared: true };

const SHARED_BY_HAND = 'placed in the shared group by hand';

const draftsOf = (plan: Plan): ServiceDraft[] => plan.services.map(({ id, name, files }) => ({ id, name, files }));

function serviceOrThrow(plan: Plan, id: string) {
  const service = plan.services.find((s) => s.id === id);
  if (!service) throw new InputError('SEAMS_INPUT_NOT_FOUND', `the plan has no service '${id}'.`);
  return service;
}

/** An id for a new service: its name as a slug, made unique among the plan's ids. */
export function newServiceId(plan: Plan, name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'service';
  const taken = new Set(plan.services.map((s) => s.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Moves files (from services or the shared group) to a target. A file placed by hand is pinned,
 * so a later `seams boundaries --keep` leaves it where the person put it. A moved file its service
 * listed by path in `public` takes that entry along to the service it joins (the shared group has
 * no entries); globs stay where they are.
 */
export function moveFiles(plan: Plan, context: PlanContext, files: readonly string[], target: MoveTarget): Plan {
  const moving = new Set(files);
  const isMovedEntry = (pattern: string) => moving.has(entryPath(pattern));
  const movedEntries = [
    ...new Set(plan.services.flatMap((service) => (service.public ?? []).filter(isMovedEntry).map(entryPath))),
  ];
  let drafts: ServiceDraft[] = plan.services.map(({ id, name, files: owned, public: entries }) => ({
    id,
    name,
    files: owned.filter((file) => !moving.has(file)),
    ...(entries?.some(isMovedEntry) ? { public: entries.filter((pattern) => !isMovedEntry(pattern)) } : {}),
  }));
  let shared = plan.shared.filter((entry) => !moving.has(entry.path));
  const withEntries = (entries: readonly string[] = []) =>
    movedEntries.length ? { public: [...new Set([...entries, ...movedEntries])] } : {};
  if ('shared' in target) {
    shared = [...shared, ...[...moving].map((path) => ({ path, reason: SHARED_BY_HAND }))];
  } else if ('newService' in target) {
    drafts = [
      ...drafts,
      { id: newServiceId(plan, target.newService), name: target.newService, files: [...moving], ...withEntries() },
    ];
  } else {
    const into = serviceOrThrow(plan, target.service);
    drafts = drafts.map((draft) =>
      draft.id === target.service
        ? { ...draft, files: [...draft.files, ...moving], ...withEntries(draft.public ?? into.public) }
        : draft,
    );
  }
  return rebuildPlan(plan, context, drafts, shared, [...plan.pinned, ...moving]);
}

/** Folds service `from` into `into`, which keeps its id and name. */
export function mergeServices(plan: Plan, context: PlanContext, into: string, from: string): Plan {
  const source = serviceOrThrow(plan, from);
  if (into === from) return plan;
  const target = serviceOrThrow(plan, into);
  const entries = [...new Set([...(target.public ?? []), ...(source.public ?? [])])];
  const tables = [...new Set([...(target.tables ?? []), ...(source.tables ?? [])])];
  const drafts = draftsOf(plan)
    .filter((draft) => draft.id !== from)
    .map((draft) =>
      draft.id === into
        ? {
            ...draft,
            files: [...draft.files, ...source.files],
            ...(entries.length ? { public: entries } : {}),
            ...(tables.length ? { tables } : {}),
          }
        : draft,
    );
  return rebuildPlan(plan, context, drafts, plan.shared, plan.pinned);
}

/** A new name; the id stays, so plans and reports still match the service. */
export function renameService(plan: Plan, id: string, name: string): Plan {
  serviceOrThrow(plan, id);
  const trimmed = name.trim();
  if (trimmed === '') return plan;
  return { ...plan, services: plan.services.map((s) => (s.id === id ? { ...s, name: trimmed } : s)) };
}

/** Pins or unpins files: pinned files stay put when the plan is recomputed with `--keep`. */
export function setPinned(plan: Plan, context: PlanContext, files: readonly string[], pinned: boolean): Plan {
  const set = new Set(plan.pinned);
  for (const file of files) {
    if (pinned) set.add(file);
    else set.delete(file);
  }
  return rebuildPlan(plan, context, draftsOf(plan), plan.shared, set);
}
