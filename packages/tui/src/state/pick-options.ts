import type { Plan } from '@seams/graph';
import type { MoveTarget, PlanContext } from '@seams/boundaries';
import { linksOf, ownerOf, SHARED } from './lookups.ts';
import type { PickPurpose } from './ui-state.ts';

export interface PickOption {
  label: string;
  /** Why it is offered where it is: dependencies with the files or service being placed. */
  detail: string;
  target: MoveTarget | { newServicePrompt: true };
}

/**
 * The places a pick can go, the most connected first: for files, the services their dependencies
 * lead to; for a merge, the services most tied to the one merging. Typing filters by name.
 */
export function pickOptions(plan: Plan, context: PlanContext, purpose: PickPurpose, query: string): PickOption[] {
  const owner = ownerOf(plan);
  const ties = new Map<string, number>();
  const count = (service: string | undefined) =>
    service && service !== SHARED && ties.set(service, (ties.get(service) ?? 0) + 1);
  let exclude: string | undefined;
  if (purpose.kind === 'move') {
    const { imports, importers } = linksOf(context);
    const moving = new Set(purpose.files);
    for (const file of purpose.files) {
      for (const d of imports.get(file) ?? []) if (!moving.has(d.to)) count(owner.get(d.to));
      for (const d of importers.get(file) ?? []) if (!moving.has(d.from)) count(owner.get(d.from));
    }
    const owners = new Set(purpose.files.map((file) => owner.get(file)));
    if (owners.size === 1) exclude = [...owners][0];
  } else {
    exclude = purpose.from;
    const metrics = plan.services.find((s) => s.id === purpose.from)?.metrics;
    for (const [service, n] of Object.entries({ ...metrics?.inbound })) ties.set(service, n);
    for (const [service, n] of Object.entries(metrics?.outbound ?? {})) ties.set(service, (ties.get(service) ?? 0) + n);
  }
  const services: PickOption[] = plan.services
    .filter((s) => s.id !== exclude)
    .map((s) => ({ service: s, ties: ties.get(s.id) ?? 0 }))
    .sort((a, b) => b.ties - a.ties || a.service.name.localeCompare(b.service.name))
    .map(({ service, ties: n }) => ({
      label: service.name,
      detail: n === 0 ? '' : `${n} ${n === 1 ? 'dependency' : 'dependencies'}`,
      target: { service: service.id },
    }));
  const extras: PickOption[] =
    purpose.kind === 'move'
      ? [
          ...(exclude === SHARED
            ? []
            : [
                {
                  label: 'shared group',
                  detail: 'kept apart, used by every service',
                  target: { shared: true } as const,
                },
              ]),
          { label: 'new service…', detail: 'name it next', target: { newServicePrompt: true } as const },
        ]
      : [];
  const needle = query.trim().toLowerCase();
  return [...services, ...extras].filter((option) => needle === '' || option.label.toLowerCase().includes(needle));
}
