import type { UndirectedGraph } from 'graphology';
import { FileGraph } from './file-graph.ts';
import { louvainMappings } from './louvain-pool.ts';
import { louvainInput, louvainMapping } from './louvain.ts';
import { seededRandom } from './random.ts';

/** Communities as file -> label; labels are small non-negative integers, not stable across runs. */
export type Communities = Map<string, number>;

/** Louvain on the weighted graph with a seeded RNG: the same seed gives the same communities. */
export function runLouvain(graph: FileGraph | UndirectedGraph, resolution: number, seed: number): Communities {
  if (graph.order === 0) return new Map();
  const input = louvainInput(graph);
  return communitiesOf(graph, input.nodes, louvainMapping(input, resolution, seededRandom(seed)));
}

/** `runLouvain` for each seed, at one resolution: the same runs, spread over worker threads on a big graph. */
export function runLouvainSeeds(graph: FileGraph, resolution: number, seeds: readonly number[]): Communities[] {
  if (graph.order === 0) return seeds.map((): Communities => new Map());
  const input = louvainInput(graph);
  const mappings = louvainMappings(
    input,
    seeds.map((seed) => ({ resolution, seed })),
  );
  return mappings.map((mapping) => communitiesOf(graph, input.nodes, mapping));
}

function communitiesOf(graph: FileGraph | UndirectedGraph, nodes: readonly string[], mapping: ArrayLike<number>) {
  const communities: Communities = new Map();
  nodes.forEach((node, i) => communities.set(node, mapping[i]!));
  if (graph instanceof FileGraph) runLabels.set(communities, { graph, labels: mapping });
  return communities;
}

// A run's labels by node index, for the graph it ran on: modularity and the plan run read every run by node index,
// and looking 50,000 paths up in the run's map each time cost more than their sums.
const runLabels = new WeakMap<Communities, { graph: FileGraph; labels: ArrayLike<number> }>();

/** Each node's community label (by node index) in `communities`, which must hold every node of the graph. */
export function labelsOf(graph: FileGraph, communities: Communities): ArrayLike<number> {
  const known = runLabels.get(communities);
  return known?.graph === graph ? known.labels : graph.nodes.map((node) => communities.get(node)!);
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

/**
 * The consensus run: the one agreeing most (summed ARI) with all the others, the first on a tie. A plan
 * taken from it depends far less on the seed than the first run would: a seed's odd cut is outvoted.
 */
export function consensusRun(runs: readonly Communities[]): Communities {
  let best = 0;
  let bestScore = -Infinity;
  const scores = runs.map(() => 0);
  for (let a = 0; a < runs.length; a++)
    for (let b = a + 1; b < runs.length; b++) {
      const ari = runAgreement(runs[a]!, runs[b]!);
      scores[a]! += ari;
      scores[b]! += ari;
    }
  scores.forEach((score, i) => {
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return runs[best]!;
}

/**
 * Adjusted Rand index between two runs over the same files, on their integer labels: O(files). Runs of one graph
 * list the files in the same order, so they are read side by side; other runs are matched file by file.
 */
export function runAgreement(a: Communities, b: Communities): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const rows = new Map<number, number>();
  const columns = new Map<number, number>();
  // Labels are small non-negative integers: a pair of them is one number, not a string to build and hash.
  const cells = new Map<number, number>();
  let width = 1;
  for (const label of b.values()) if (label >= width) width = label + 1;
  let n = 0;
  const others = b.entries();
  for (const [file, la] of a) {
    const next = others.next();
    const lb = !next.done && next.value[0] === file ? next.value[1] : b.get(file);
    if (lb === undefined) continue;
    n++;
    rows.set(la, (rows.get(la) ?? 0) + 1);
    columns.set(lb, (columns.get(lb) ?? 0) + 1);
    const key = la * width + lb;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let together = 0;
  for (const count of cells.values()) together += pairs(count);
  let rowPairs = 0;
  for (const count of rows.values()) rowPairs += pairs(count);
  let columnPairs = 0;
  for (const count of columns.values()) columnPairs += pairs(count);
  const expected = (rowPairs * columnPairs) / (pairs(n) || 1);
  const maximum = (rowPairs + columnPairs) / 2;
  return maximum === expected ? 1 : (together - expected) / (maximum - expected);
}
