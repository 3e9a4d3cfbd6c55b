import { sharedTableCount, tableOwnership, type Graph, type Plan } from '@seams/graph';

/** One metric before and after an edit, and whether the change is an improvement. */
export interface MetricDelta {
  label: string;
  before: string;
  after: string;
  verdict: 'better' | 'worse' | 'same';
}

interface Watched {
  label: string;
  read: (plan: Plan, graph: Pick<Graph, 'data' | 'tables'>) => number;
  format: (value: number) => string;
  higherIsBetter: boolean;
}

// The few figures a person weighs a move by: tables written from two services (when the graph has
// table accesses: the database is the hardest part to split), cohesion of the split (Q), traffic
// across it (ICP), mean coupling, and loops between services.
const SHARED_TABLES: Watched = {
  label: 'shared tables',
  read: (p, g) => sharedTables(p, g),
  format: (v) => String(v),
  higherIsBetter: false,
};
const WATCHED: readonly Watched[] = [
  { label: 'Q', read: (p) => p.metrics.modularity, format: (v) => v.toFixed(3), higherIsBetter: true },
  { label: 'ICP', read: (p) => p.metrics.icp * 100, format: (v) => `${v.toFixed(1)}%`, higherIsBetter: false },
  { label: 'coupling', read: (p) => p.metrics.coupling, format: (v) => v.toFixed(3), higherIsBetter: false },
  { label: 'cycles', read: (p) => p.metrics.serviceCycles.length, format: (v) => String(v), higherIsBetter: false },
];

export function metricDeltas(before: Plan, after: Plan, graph: Graph): MetricDelta[] {
  const watched = graph.data?.length ? [SHARED_TABLES, ...WATCHED] : WATCHED;
  return watched.map(({ label, read, format, higherIsBetter }) => {
    const [a, b] = [format(read(before, graph)), format(read(after, graph))];
    // Compared as displayed, so a change too small to show is not called better or worse.
    const diff = Number.parseFloat(b) - Number.parseFloat(a);
    const verdict = diff === 0 ? 'same' : diff > 0 === higherIsBetter ? 'better' : 'worse';
    return { label, before: a, after: b, verdict };
  });
}

function sharedTables(plan: Plan, graph: Pick<Graph, 'data' | 'tables'>): number {
  return sharedTableCount(tableOwnership(graph, plan));
}
