import type { Graph } from '@seams/graph';

/**
 * The files each use case exercises: the traced `files` when the graph carries them, else every file its
 * entry reaches through value imports (type-only imports run nothing). Use cases with neither are left out.
 */
export function useCaseFiles(graph: Pick<Graph, 'edges' | 'useCases'>): Array<{ id: string; files: string[] }> {
  const useCases = graph.useCases ?? [];
  if (useCases.length === 0) return [];
  const next = new Map<string, string[]>();
  for (const { from, to, kind } of graph.edges) {
    if (kind === 'type') continue;
    const targets = next.get(from);
    if (targets) targets.push(to);
    else next.set(from, [to]);
  }
  // Routers declare many use cases each: one walk per entry file.
  const reached = new Map<string, string[]>();
  const reach = (entry: string) => {
    let files = reached.get(entry);
    if (files) return files;
    const seen = new Set([entry]);
    const queue = [entry];
    for (let i = 0; i < queue.length; i++)
      for (const to of next.get(queue[i]!) ?? [])
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
    reached.set(entry, (files = [...seen].sort()));
    return files;
  };
  return useCases.flatMap((useCase) => {
    const files = useCase.files ?? (useCase.entry !== undefined ? reach(useCase.entry) : undefined);
    return files ? [{ id: useCase.id, files }] : [];
  });
}
