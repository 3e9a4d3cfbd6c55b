import type { Graph } from '@seams/graph';
import { dependenciesOf, type WeightedDependency } from '../dependencies.ts';

/** What every plan edit needs from the graph, computed once per session instead of once per edit. */
export interface PlanContext {
  graph: Graph;
  dependencies: WeightedDependency[];
  loc: ReadonlyMap<string, number>;
}

export function planContext(graph: Graph): PlanContext {
  return { graph, dependencies: dependenciesOf(graph), loc: new Map(graph.files.map((file) => [file.path, file.loc])) };
}
