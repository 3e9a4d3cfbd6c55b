import { creditedTargets, usedName, type Edge, type Graph } from '@seams/graph';

/**
 * A directed dependency between two files, aggregated over all edges between them:
 * what clustering signals, metrics and the plan work on, instead of raw import statements.
 */
export interface Dependency {
  from: string;
  to: string;
  /** How many names `from` uses from `to` (at least 1 per edge). */
  calls: number;
  /** The names used, as `file#name` of the file that really declares them (barrels traced). */
  names: string[];
}

/** Files to services; files of the shared group and unassigned files are absent. */
export type Assignment = ReadonlyMap<string, string>;

export interface WeightedDependency extends Dependency {
  /** Strength for clustering: calls, damped by kind (types and barrels bind weaker than value imports). */
  weight: number;
}

// How strongly one edge kind ties two files together, relative to a value import.
const KIND_FACTOR: Record<Edge['kind'], number> = { import: 1, require: 1, dynamic: 0.6, type: 0.5, reexport: 0.3 };

/**
 * File-to-file dependencies from a graph's edges, one per ordered pair. An edge into a barrel is
 * credited to the files that really declare the imported names, so `index.ts` does not glue domains.
 */
export function dependenciesOf(graph: Pick<Graph, 'edges'>): WeightedDependency[] {
  const byPair = new Map<string, WeightedDependency>();
  const add = (from: string, to: string, calls: number, weight: number, names: string[]) => {
    if (from === to) return;
    const key = `${from}\0${to}`;
    const existing = byPair.get(key);
    if (existing) {
      existing.calls += calls;
      existing.weight += weight;
      for (const name of names) if (!existing.names.includes(name)) existing.names.push(name);
    } else byPair.set(key, { from, to, calls, weight, names: [...names] });
  };
  for (const edge of graph.edges) {
    const factor = KIND_FACTOR[edge.kind] * (edge.weight ?? 1);
    for (const [to, names] of creditedTargets(edge)) {
      const calls = Math.max(1, names.length);
      add(
        edge.from,
        to,
        calls,
        factor * (1 + Math.log2(calls)),
        names.filter(usedName(edge)).map((n) => `${to}#${n}`),
      );
    }
  }
  return [...byPair.values()];
}
