import { InputError, type Plan } from '@seams/graph';
import { chooseSignals } from '../choose-signals.ts';
import { runLouvain } from '../louvain-runs.ts';
import { nameServices } from '../name-services.ts';
import { groupsOf, mergeTiny, splitDisconnected, type Partition } from '../refine.ts';
import { SIGNALS } from '../signals/index.ts';
import { combineSignals } from '../weighted-graph.ts';
import { newServiceId } from './edit-plan.ts';
import type { PlanContext } from './plan-context.ts';
import { rebuildPlan } from './rebuild-plan.ts';

/**
 * Re-clusters one service's files on their own, with the plan's signals and weights, at finer
 * resolutions until they fall apart into at least two parts. The part named like the service (else
 * the largest), with every pinned file, keeps its id and name; the others are named from their own
 * domain words.
 */
export function splitService(plan: Plan, context: PlanContext, id: string): Plan {
  const service = plan.services.find((s) => s.id === id);
  if (!service) throw new InputError('SEAMS_INPUT_NOT_FOUND', `the plan has no service '${id}'.`);
  const members = new Set(service.files);
  const input = {
    graph: context.graph,
    files: service.files,
    dependencies: context.dependencies.filter((d) => members.has(d.from) && members.has(d.to)),
  };
  const signals = chooseSignals(SIGNALS, input, plan.parameters.signals).filter((signal) => signal.isAvailable(input));
  const { graph: weighted } = combineSignals(input, signals, plan.parameters.weights);
  const minSize = Math.min(plan.parameters.minServiceSize, Math.floor(service.files.length / 2));

  let parts: Map<string, string[]> | undefined;
  for (
    let resolution = plan.parameters.resolution;
    resolution < plan.parameters.resolution * 64 && !parts;
    resolution *= 2
  ) {
    let partition: Partition = new Map(
      [...runLouvain(weighted, resolution, plan.parameters.seed)].map(([file, label]) => [file, String(label)]),
    );
    partition = mergeTiny(weighted, splitDisconnected(weighted, partition), Math.max(1, minSize));
    const groups = groupsOf(partition);
    if (groups.size >= 2) parts = groups;
  }
  if (!parts)
    throw new InputError(
      'SEAMS_EDIT_REFUSED',
      `'${service.name}' does not split: its ${service.files.length} files form one tight group.`,
    );

  const pinned = new Set(plan.pinned);
  const names = nameServices(parts, context.graph);
  // The part that would be named as the service is keeps it (id and name); else the largest does.
  const ranked = [...parts].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const keeper = ranked.find(([label]) => names.get(label) === service.name)?.[0] ?? ranked[0]![0];
  let drafted: Plan = { ...plan, services: plan.services.filter((s) => s.id !== id) };
  const pieces = ranked
    .filter(([label]) => label !== keeper)
    .map(([label, files]) => {
      const name = uniqueName(names.get(label)!, [...drafted.services.map((s) => s.name), service.name]);
      const piece = { id: newServiceId(drafted, name), name, files: files.filter((file) => !pinned.has(file)) };
      drafted = { ...drafted, services: [...drafted.services, { ...service, ...piece }] };
      return piece;
    });
  const keeperSet = new Set(parts.get(keeper));
  const keeperFiles = service.files.filter((file) => keeperSet.has(file) || pinned.has(file));
  const drafts = plan.services.flatMap((s) =>
    s.id === id
      ? [{ id, name: service.name, files: keeperFiles }, ...pieces]
      : [{ id: s.id, name: s.name, files: s.files }],
  );
  return rebuildPlan(plan, context, drafts, plan.shared, plan.pinned);
}

function uniqueName(name: string, taken: readonly string[]): string {
  let result = name;
  for (let n = 2; taken.includes(result); n++) result = `${name}-${n}`;
  return result;
}
