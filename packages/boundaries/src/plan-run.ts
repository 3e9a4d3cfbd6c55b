import { modularity } from './choose-resolution.ts';
import type { FileGraph } from './file-graph.ts';
import { consensusRun, labelsOf, type Communities } from './louvain-runs.ts';

/**
 * The run a plan is taken from: the most central (consensus) run of the better half of the seeded runs, by the
 * modularity at resolution 1 of the services each gives once its tiny clusters join a neighbour.
 *
 * At the finer resolutions a plan is clustered at, Louvain can land in two cuts of nearly the same quality, and
 * which one most of ten runs take depends on the seeds: on NodeBB, about half the runs keep the `socket.io/` layer
 * together and the other half hand each of its files to the domain it serves, so the plain consensus flipped between
 * the two (ARI about 0.8 and 0.7 against its layered truth). Modularity at resolution 1 tells them apart (the
 * resolution is chosen by it too): the cut that keeps more of the weight inside services at the plain scale is
 * the better half's, and its consensus does not depend on how many of the ten runs happened to find it. It is
 * measured once tiny clusters are merged, as refinement will: pairs of files that `mergeTiny` glues together are
 * not a better cut than the threes it would have kept.
 */
export function planRun(graph: FileGraph, runs: readonly Communities[], minSize: number): Communities {
  const ranked = runs
    .map((run, index) => ({ run, index, quality: modularity(graph, withoutTiny(graph, run, minSize)) }))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const better = ranked.slice(0, Math.ceil(runs.length / 2)).sort((a, b) => a.index - b.index);
  return consensusRun(better.map(({ run }) => run));
}

/**
 * The run with each cluster under `minSize` files joined to the cluster it is most tied to (the smaller label on a
 * tie), in one pass over the edges: an estimate of `mergeTiny`, which re-weighs after every merge, at a tenth of its
 * cost (it runs on every seeded run).
 */
function withoutTiny(graph: FileGraph, run: Communities, minSize: number): Communities {
  const labels = Int32Array.from(labelsOf(graph, run));
  const slots = labels.reduce((most, label) => Math.max(most, label + 1), 0);
  const sizes = new Int32Array(slots);
  for (const label of labels) sizes[label]!++;
  const ties = new Map<number, Map<number, number>>();
  const tie = (from: number, to: number, weight: number) => {
    if (sizes[from]! >= minSize) return;
    const row = ties.get(from) ?? ties.set(from, new Map()).get(from)!;
    row.set(to, (row.get(to) ?? 0) + weight);
  };
  for (let e = 0; e < graph.size; e++) {
    const a = labels[graph.sources[e]!]!;
    const b = labels[graph.targets[e]!]!;
    if (a === b) continue;
    tie(a, b, graph.weights[e]!);
    tie(b, a, graph.weights[e]!);
  }
  if (ties.size === 0) return run;
  // Union-find over labels: a tiny cluster points at its neighbour, which may itself have joined another.
  const parent = Int32Array.from({ length: slots }, (_, i) => i);
  const root = (label: number): number => {
    while (parent[label] !== label) label = parent[label] = parent[parent[label]!]!;
    return label;
  };
  for (const [label, row] of [...ties].sort((a, b) => sizes[a[0]]! - sizes[b[0]]! || a[0] - b[0])) {
    let into = -1;
    let best = 0;
    for (const [other, weight] of row)
      if (weight > best || (weight === best && other < into)) [into, best] = [other, weight];
    if (into < 0) continue;
    const [from, to] = [root(label), root(into)];
    if (from !== to) parent[from] = to;
  }
  return new Map(graph.nodes.map((node, i) => [node, root(labels[i]!)]));
}
