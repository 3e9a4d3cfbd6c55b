import type { Graph } from '@seams/graph';
import { dependenciesOf, type WeightedDependency } from '../dependencies.ts';
import { useCaseReach, type UseCaseReach } from '../metrics/index.ts';

/** What every plan edit needs from the graph, computed once per session instead of once per edit. */
export interface PlanContext {
  graph: Graph;
  dependencies: WeightedDependency[];
  loc: ReadonlyMap<string, number>;
  /** The files each use case exercises, when the graph has use cases: plan metrics then give BCP. */
  useCases?: UseCaseReach;
}

export function planContext(graph: Graph): PlanContext {
  const useCases = useCaseReach(graph);
  return {
    graph,
    dependencies: dependenciesOf(graph),
    loc: new Map(graph.files.map((file) => [file.path, file.loc])),
    ...(useCases ? { useCases } : {}),
  };
}
