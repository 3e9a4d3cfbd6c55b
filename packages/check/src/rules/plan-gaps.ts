import type { Graph, PlanMatch } from '@seams/graph';
import { compareCodeUnits, fingerprintOf, type Finding } from '../finding.ts';
import type { OwnerOf } from '../ownership.ts';
import { listing, plural } from '../wording.ts';
import type { RuleContext } from './rule-context.ts';

/**
 * Where the plan and the code have drifted apart, so that no file escapes the check unseen: plan
 * paths that are gone (missing-file), or that look moved to a file of the same name (moved-file),
 * and files no service holds and no folder decides (unassigned-file), with the service their
 * imports point to and the internal files of services they import.
 */
export function planGaps(
  graph: Pick<Graph, 'files' | 'edges'>,
  match: PlanMatch,
  ownerOf: OwnerOf,
  context: RuleContext,
  inScope: (file: string) => boolean,
): Finding[] {
  const findings: Finding[] = [];
  const where = (service: string | undefined) => (service === undefined ? 'the shared group' : context.label(service));
  for (const old of match.missing) {
    const service = ownerOf(old)?.service;
    const fresh = match.moved.get(old);
    if (fresh === undefined) {
      if (!inScope(old)) continue;
      findings.push({
        ...wholeFile('missing-file', old, old, service),
        message: `${old} is in ${where(service)} in the plan, but the project has no such file any more`,
        fix: `remove it from ${where(service)} in the plan, or restore the file`,
      });
    } else if (inScope(fresh) || inScope(old)) {
      findings.push({
        ...wholeFile('moved-file', fresh, old, service),
        message: `${old} → ${fresh}: the plan lists the old path in ${where(service)}, and the file looks moved (same name); counted in ${where(service)} meanwhile`,
        fix: `replace the old path with the new one in ${where(service)} in the plan, or place the file where it belongs now`,
      });
    }
  }
  const unowned = graph.files.filter((file) => inScope(file.path) && ownerOf(file.path) === undefined);
  if (unowned.length > 0) findings.push(...unassigned(graph, unowned, ownerOf, context));
  return findings;
}

function unassigned(
  graph: Pick<Graph, 'edges'>,
  unowned: ReadonlyArray<{ path: string }>,
  ownerOf: OwnerOf,
  context: RuleContext,
): Finding[] {
  const wanted = new Set(unowned.map((file) => file.path));
  const neighbours = new Map<string, Map<string, string | undefined>>();
  // Per file: service -> the first internal file of it that the file imports.
  const reached = new Map<string, Map<string, string>>();
  const note = (file: string, other: string) => {
    let seen = neighbours.get(file);
    if (!seen) neighbours.set(file, (seen = new Map<string, string | undefined>()));
    seen.set(other, ownerOf(other)?.service);
  };
  for (const edge of graph.edges) {
    if (edge.from === edge.to) continue;
    if (wanted.has(edge.from)) {
      note(edge.from, edge.to);
      const target = ownerOf(edge.to)?.service;
      if (target !== undefined && !context.isEntry(edge.to, target)) {
        let services = reached.get(edge.from);
        if (!services) reached.set(edge.from, (services = new Map<string, string>()));
        if (!services.has(target)) services.set(target, edge.to);
      }
    }
    if (wanted.has(edge.to)) note(edge.to, edge.from);
  }
  return unowned.map(({ path }) => {
    const seen = neighbours.get(path) ?? new Map<string, string | undefined>();
    const votes = new Map<string, number>();
    for (const service of seen.values()) if (service !== undefined) votes.set(service, (votes.get(service) ?? 0) + 1);
    const ranked = [...votes].sort((x, y) => y[1] - x[1] || compareCodeUnits(x[0], y[0]));
    const tied = ranked.filter(([, count]) => count === ranked[0]?.[1]).map(([service]) => context.label(service));
    const best = tied.length === 1 ? ranked[0]![0] : undefined;
    const hint =
      ranked.length === 0
        ? 'nothing it imports or is imported by is in a service'
        : best === undefined
          ? `its imports point to ${listing(tied, 'and')} equally`
          : `its imports point to ${context.label(best)} (${ranked[0]![1]} of ${plural(seen.size, 'file')} it imports or is imported by)`;
    // Named even for the suggested service: whether that import is a leak depends on where the file goes.
    const into = [...(reached.get(path) ?? [])].map(([service, file]) => `${context.label(service)} (${file})`);
    const reach = into.length > 0 ? `; it imports internal files of ${listing(into)}` : '';
    return {
      ...wholeFile('unassigned-file', path, path, undefined),
      message: `no service holds this file: the plan does not list it and no folder decides; ${hint}${reach}`,
      fix:
        best === undefined
          ? 'add it to a service or to the shared group in the plan'
          : `add it to ${context.label(best)} in the plan, or to the service or shared group it belongs to`,
    };
  });
}

function wholeFile(
  rule: 'unassigned-file' | 'missing-file' | 'moved-file',
  from: string,
  to: string,
  service: string | undefined,
) {
  return {
    rule,
    from,
    line: 0,
    to,
    specifier: '',
    ...(service !== undefined ? { fromService: service } : {}),
    fingerprint: fingerprintOf(rule, [from, to]),
  };
}
