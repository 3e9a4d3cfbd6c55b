import type { UndirectedGraph } from 'graphology';
import { adjustedRandIndex } from './compare/adjusted-rand.ts';
import { runLouvain } from './louvain-runs.ts';

/** Resolutions tried, coarse to fine, when none is given. */
export const CANDIDATE_RESOLUTIONS = [2, 3, 4];
const PROBES = 3;
// How much two seeded runs at a resolution must agree (ARI) for its services to be the graph's, not the seed's.
const STABLE = 0.9;

/**
 * The resolution the graph supports: the finest candidate whose services come out the same whatever the
 * seed (mean ARI between three seeded runs at least 0.9), else the most stable one. A finer resolution than
 * the graph holds cuts domains differently on every run; a coarser one glues neighbours.
 */
export function chooseResolution(graph: UndirectedGraph, seed: number): { resolution: number; stability: number } {
  let best = { resolution: CANDIDATE_RESOLUTIONS[0]!, stability: -Infinity };
  let finestStable: typeof best | undefined;
  for (const resolution of CANDIDATE_RESOLUTIONS) {
    const runs = Array.from(
      { length: PROBES },
      (_, i) =>
        new Map([...runLouvain(graph, resolution, seed + 101 * i)].map(([file, label]) => [file, String(label)])),
    );
    let sum = 0;
    let pairs = 0;
    for (let a = 0; a < runs.length; a++)
      for (let b = a + 1; b < runs.length; b++, pairs++) sum += adjustedRandIndex(runs[a]!, runs[b]!);
    const stability = pairs ? sum / pairs : 1;
    if (stability > best.stability) best = { resolution, stability };
    if (stability >= STABLE) finestStable = { resolution, stability };
  }
  return finestStable ?? best;
}
