import type { UndirectedGraph } from 'graphology';
import { runLouvain } from './louvain-runs.ts';

/** File -> cluster label. */
export type Partition = Map<string, string>;

export function groupsOf(partition: ReadonlyMap<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [file, label] of partition) {
    let list = groups.get(label);
    if (!list) groups.set(label, (list = []));
    list.push(file);
  }
  return groups;
}

const weightOf = (graph: UndirectedGraph, edge: string) => (graph.getEdgeAttribute(edge, 'weight') as number | undefined) ?? 0;

/** A service must be connected: a cluster in pieces becomes one cluster per piece. */
export function splitDisconnected(graph: UndirectedGraph, partition: Partition): Partition {
  const result: Partition = new Map();
  for (const [label, files] of groupsOf(partition)) {
    const seen = new Set<string>();
    let piece = 0;
    for (const start of files) {
      if (seen.has(start)) continue;
      const id = piece++ === 0 ? label : `${label}.${piece - 1}`;
      const stack = [start];
      seen.add(start);
      while (stack.length > 0) {
        const file = stack.pop()!;
        result.set(file, id);
        graph.forEachNeighbor(file, (other) => {
          if (!seen.has(other) && partition.get(other) === label) {
            seen.add(other);
            stack.push(other);
          }
        });
      }
    }
  }
  return result;
}

/** Weight between every pair of clusters and each cluster's total degree, for merge decisions. */
function clusterWeights(graph: UndirectedGraph, partition: Partition): { between: Map<string, Map<string, number>>; degree: Map<string, number>; total: number } {
  const between = new Map<string, Map<string, number>>();
  const degree = new Map<string, number>();
  let total = 0;
  graph.forEachEdge((edge, _attributes, a, b) => {
    const weight = weightOf(graph, edge);
    const la = partition.get(a);
    const lb = partition.get(b);
    if (la === undefined || lb === undefined) return;
    total += weight;
    degree.set(la, (degree.get(la) ?? 0) + weight);
    degree.set(lb, (degree.get(lb) ?? 0) + weight);
    if (la === lb) return;
    for (const [x, y] of [[la, lb], [lb, la]] as const) {
      let row = between.get(x);
      if (!row) between.set(x, (row = new Map()));
      row.set(y, (row.get(y) ?? 0) + weight);
    }
  });
  return { between, degree, total };
}

function relabel(partition: Partition, from: string, to: string): void {
  for (const [file, label] of partition) if (label === from) partition.set(file, to);
}

/** Clusters smaller than `minSize` join the neighbour they are most tied to (a two-pizza team owns more than a file). */
export function mergeTiny(graph: UndirectedGraph, partition: Partition, minSize: number): Partition {
  const result = new Map(partition);
  for (;;) {
    const groups = groupsOf(result);
    const { between } = clusterWeights(graph, result);
    const tiny = [...groups].filter(([label, files]) => files.length < minSize && between.has(label)).sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]));
    if (tiny.length === 0) return result;
    const [label] = tiny[0]!;
    const [target] = [...between.get(label)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    relabel(result, label, target);
  }
}

/** Merges the pair of clusters with the best modularity gain until `count` remain. */
export function mergeToCount(graph: UndirectedGraph, partition: Partition, count: number): Partition {
  const result = new Map(partition);
  while (groupsOf(result).size > count) {
    const { between, degree, total } = clusterWeights(graph, result);
    let best: [string, string] | undefined;
    let bestGain = -Infinity;
    for (const [a, row] of between) {
      for (const [b, weight] of row) {
        if (a >= b) continue;
        const gain = weight / total - (2 * (degree.get(a) ?? 0) * (degree.get(b) ?? 0)) / (2 * total) ** 2;
        if (gain > bestGain) [best, bestGain] = [[a, b], gain];
      }
    }
    if (!best) break;
    relabel(result, best[1], best[0]);
  }
  return result;
}

/** Clusters over `maxSize` are re-clustered on their own at a finer resolution. */
export function splitLarge(graph: UndirectedGraph, partition: Partition, maxSize: number, resolution: number, seed: number): Partition {
  const result = new Map(partition);
  for (const [label, files] of groupsOf(partition)) {
    if (files.length <= maxSize) continue;
    const sub = graph.copy();
    const keep = new Set(files);
    sub.forEachNode((node) => {
      if (!keep.has(node)) sub.dropNode(node);
    });
    for (let finer = resolution * 1.5; finer < resolution * 20; finer *= 1.5) {
      const parts = runLouvain(sub, finer, seed);
      if (new Set(parts.values()).size < 2) continue;
      for (const [file, part] of parts) result.set(file, `${label}/${part}`);
      break;
    }
  }
  return result;
}
