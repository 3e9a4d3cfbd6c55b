import louvain from 'graphology-communities-louvain';
import type { UndirectedGraph } from 'graphology';
import { seededRandom } from './random.ts';

/** Communities as file -> label; labels are small integers, not stable across runs. */
export type Communities = Map<string, number>;

/** Louvain on the weighted graph with a seeded RNG: the same seed gives the same communities. */
export function runLouvain(graph: UndirectedGraph, resolution: number, seed: number): Communities {
  if (graph.order === 0) return new Map();
  const mapping = louvain(graph, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
  return new Map(Object.entries(mapping));
}

/**
 * How sure the partition is of each file: over several seeds, the share of runs in which the file
 * lands with most of the files it was finally grouped with.
 */
export function confidenceOf(final: ReadonlyMap<string, string>, runs: readonly Communities[]): Map<string, number> {
  const members = new Map<string, string[]>();
  for (const [file, service] of final) {
    let list = members.get(service);
    if (!list) members.set(service, (list = []));
    list.push(file);
  }
  const agree = new Map<string, number>();
  for (const run of runs) {
    for (const files of members.values()) {
      const votes = new Map<number, number>();
      for (const file of files) {
        const label = run.get(file);
        if (label !== undefined) votes.set(label, (votes.get(label) ?? 0) + 1);
      }
      let majority = -1;
      let best = 0;
      for (const [label, count] of votes) if (count > best) [majority, best] = [label, count];
      for (const file of files) if (run.get(file) === majority) agree.set(file, (agree.get(file) ?? 0) + 1);
    }
  }
  return new Map([...final.keys()].map((file) => [file, runs.length ? (agree.get(file) ?? 0) / runs.length : 1]));
}
