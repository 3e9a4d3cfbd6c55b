import type { FileGraph } from './file-graph.ts';
import { labelsOf, runAgreement, runLouvainSeeds, type Communities } from './louvain-runs.ts';

/** Resolutions tried when none is given: the coarsest is the fallback, the finer ones must earn their place. */
const CANDIDATE_RESOLUTIONS = [2, 3, 4];
const PROBES = 3;
// How much seeded runs at a resolution must agree (ARI) for its services to be the graph's, not the seed's.
const STABLE = 0.9;
// How much modularity (at resolution 1) a finer cut may give up against the coarsest: more means it cuts through
// domains.
const MODULARITY_SLACK = 0.025;

export interface ChosenResolution {
  resolution: number;
  /** Consecutive-seed runs at that resolution, from `seed`: the clustering's first runs. */
  runs: Communities[];
  /** Per resolution tried, finest first: mean ARI between its runs, and their mean modularity. */
  tried: Array<{ resolution: number; stability: number; modularity: number }>;
}

/**
 * The resolution the graph supports: the finest candidate whose services come out the same whatever the
 * seed (mean ARI between three seeded runs at least 0.9) and whose mean modularity stays within 0.025 of the
 * coarsest candidate's; else the coarsest. Finer than the graph holds cuts domains differently on every run,
 * or cuts through them.
 */
export function chooseResolution(graph: FileGraph, seed: number): ChosenResolution {
  const coarsest = CANDIDATE_RESOLUTIONS[0]!;
  const probe = (resolution: number) => {
    const runs = runLouvainSeeds(
      graph,
      resolution,
      Array.from({ length: PROBES }, (_, i) => seed + i),
    );
    // Means over the probes: one run's modularity moves with its seed, and so would the choice.
    const quality = runs.reduce((sum, run) => sum + modularity(graph, run), 0) / runs.length;
    return { resolution, runs, stability: agreement(runs), modularity: quality };
  };
  const reference = probe(coarsest);
  const tried: ChosenResolution['tried'] = [];
  for (const resolution of CANDIDATE_RESOLUTIONS.slice(1).reverse()) {
    const candidate = probe(resolution);
    tried.push({ resolution, stability: candidate.stability, modularity: candidate.modularity });
    if (candidate.stability >= STABLE && candidate.modularity >= reference.modularity - MODULARITY_SLACK)
      return { resolution, runs: candidate.runs, tried };
  }
  tried.push({ resolution: coarsest, stability: reference.stability, modularity: reference.modularity });
  return { resolution: coarsest, runs: reference.runs, tried };
}

function agreement(runs: readonly Communities[]): number {
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < runs.length; a++)
    for (let b = a + 1; b < runs.length; b++, pairs++) sum += runAgreement(runs[a]!, runs[b]!);
  return pairs ? sum / pairs : 1;
}

/**
 * Newman's modularity at resolution 1 of communities on the weighted graph: O(edges), over the edge arrays
 * with a community per node index (a string lookup per edge end was most of the time on big graphs).
 * Communities are summed in the order the edges first meet them.
 */
export function modularity(graph: FileGraph, communities: Communities): number {
  const labels = labelsOf(graph, communities);
  let slots = 0;
  for (let i = 0; i < labels.length; i++) slots = Math.max(slots, labels[i]! + 1);
  const inside = new Float64Array(slots);
  const degree = new Float64Array(slots);
  const met = new Uint8Array(slots);
  const order: number[] = [];
  const meet = (c: number) => {
    if (met[c]) return;
    met[c] = 1;
    order.push(c);
  };
  let total = 0;
  for (let e = 0; e < graph.size; e++) {
    const weight = graph.weights[e]!;
    const ca = labels[graph.sources[e]!]!;
    const cb = labels[graph.targets[e]!]!;
    total += weight;
    meet(ca);
    meet(cb);
    degree[ca]! += weight;
    degree[cb]! += weight;
    if (ca === cb) inside[ca]! += weight;
  }
  if (total === 0) return 0;
  let q = 0;
  for (const c of order) q += inside[c]! / total - (degree[c]! / (2 * total)) ** 2;
  return q;
}
