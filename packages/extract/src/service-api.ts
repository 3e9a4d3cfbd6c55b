import { creditedTargets, InputError, type Graph, type Plan } from '@seams/graph';

/** What the rest of the monolith uses of one service, and what the service still uses of the monolith. */
export interface ServiceApi {
  id: string;
  name: string;
  files: readonly string[];
  /** `file#name` of every export used from outside the service (tests and unplanned files included), sorted. */
  entries: string[];
  /** Imports from the service's files into files outside it: what it still needs from the monolith. */
  outbound: Array<{ from: string; line: number; to: string; shared: boolean }>;
}

/** `generated`: the folders of seams extract's own output, whose files are neither callers nor part of the service. */
export function serviceApi(
  graph: Pick<Graph, 'edges'>,
  plan: Plan,
  serviceId: string,
  generated: readonly string[] = [],
): ServiceApi {
  const service = plan.services.find((s) => s.id === serviceId || s.name === serviceId);
  if (!service)
    throw new InputError(
      'SEAMS_INPUT_NOT_FOUND',
      `the plan has no service '${serviceId}'; it has ${plan.services.map((s) => s.id).join(', ')}.`,
    );
  const members = new Set(service.files);
  const shared = new Set(plan.shared.map((s) => s.path));
  const entries = new Set<string>();
  const outbound: ServiceApi['outbound'] = [];
  const isGenerated = (path: string) => generated.some((folder) => path.startsWith(`${folder}/`));
  for (const edge of graph.edges) {
    if (isGenerated(edge.from)) continue;
    if (members.has(edge.from)) {
      if (!members.has(edge.to))
        outbound.push({ from: edge.from, line: edge.line, to: edge.to, shared: shared.has(edge.to) });
      continue;
    }
    for (const [to, names] of creditedTargets(edge)) {
      if (!members.has(to)) continue;
      for (const name of names) if (name !== '*') entries.add(`${to}#${name}`);
    }
  }
  const byPosition = (a: { from: string; line: number }, b: { from: string; line: number }) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : a.line - b.line;
  return {
    id: service.id,
    name: service.name,
    files: service.files,
    entries: [...entries].sort(),
    outbound: outbound.sort(byPosition),
  };
}
