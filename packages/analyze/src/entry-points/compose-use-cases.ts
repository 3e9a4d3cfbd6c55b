import type { Edge, UseCase } from '@seams/graph';
import { autoloadMounts } from '../autoload-edges.ts';
import type { FileEntryPoints } from '../facts.ts';
import { joinPath } from './ast.ts';

// A router mounted along many paths (or a mount cycle) stops adding prefixes here.
const MAX_PREFIXES = 16;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The graph's use cases from every file's entry points: an HTTP route takes the prefixes its file is mounted
 * under, through any chain of `app.use('/v1', routes)` resolved by the graph's edges. Ids name the kind and
 * what names it (`http GET /v1/users/:id`, `queue emails`); an id that several files declare is qualified
 * with its file. Sorted by id, so the list does not depend on file order.
 */
export function composeUseCases(files: readonly FileEntryPoints[], edges: readonly Edge[]): UseCase[] {
  const targetOf = new Map<string, string>();
  for (const edge of edges) if (edge.kind !== 'type') targetOf.set(`${edge.from}\0${edge.specifier}`, edge.to);
  const mountsInto = new Map<string, Array<{ from: string; prefix: string }>>();
  for (const { from, mounts, autoloads } of files) {
    const all = autoloads ? [...mounts, ...autoloadMounts(from, autoloads, edges)] : mounts;
    for (const { prefix, specifier } of all) {
      const to = targetOf.get(`${from}\0${specifier}`);
      if (to === undefined || to === from) continue;
      (mountsInto.get(to) ?? mountsInto.set(to, []).get(to)!).push({ from, prefix });
    }
  }
  const prefixes = new Map<string, string[]>();
  const prefixesOf = (file: string, visiting: Set<string>): string[] => {
    const known = prefixes.get(file);
    if (known) return known;
    const into = mountsInto.get(file);
    if (!into || visiting.has(file)) return [''];
    visiting.add(file);
    const found = [
      ...new Set(into.flatMap(({ from, prefix }) => prefixesOf(from, visiting).map((p) => joinPath(p, prefix)))),
    ];
    visiting.delete(file);
    const sorted = found.sort(compare).slice(0, MAX_PREFIXES);
    prefixes.set(file, sorted);
    return sorted;
  };

  const found: UseCase[] = [];
  for (const { from, entries } of files) {
    for (const entry of entries) {
      if (entry.kind === 'http') {
        for (const prefix of prefixesOf(from, new Set()))
          found.push({
            id: `http ${entry.method} ${joinPath(prefix, entry.path)}`,
            kind: 'http',
            entry: from,
            line: entry.line,
          });
      } else found.push({ id: `${entry.kind} ${entry.name}`, kind: entry.kind, entry: from, line: entry.line });
    }
  }
  const filesOf = new Map<string, Set<string>>();
  for (const { id, entry } of found) (filesOf.get(id) ?? filesOf.set(id, new Set()).get(id)!).add(entry!);
  const seen = new Set<string>();
  const useCases: UseCase[] = [];
  for (const useCase of found) {
    const id = filesOf.get(useCase.id)!.size > 1 ? `${useCase.id} (${useCase.entry})` : useCase.id;
    if (seen.has(id)) continue;
    seen.add(id);
    useCases.push({ ...useCase, id });
  }
  return useCases.sort((a, b) => compare(a.id, b.id));
}
