import { FileGraph } from './file-graph.ts';
import { type PairWeights, type Signal, type SignalInput } from './signals/index.ts';

export interface CombinedGraph {
  graph: FileGraph;
  /** Total weight each signal contributed after scaling, for the plan's parameters. */
  contributions: Record<string, number>;
}

/**
 * One undirected graph over the files, every signal scaled so its total weight is its share
 * times the number of files: signals mix by importance, not by their raw units. A sparse signal,
 * one that speaks about a few files only, is scaled to the files it covers: spread over all files,
 * its few pairs would each weigh more than any import.
 */
export function combineSignals(
  input: SignalInput,
  signals: readonly Signal[],
  shares: Readonly<Record<string, number>> = {},
): CombinedGraph {
  const contributions: Record<string, number> = {};
  const count = input.files.length;
  // Summed in one map first: one edge per pair, in the order the pairs first came.
  const combined: PairWeights = new Map();
  const withOthers = { ...input, combined: signals.map((signal) => signal.name) };
  for (const signal of signals) {
    const pairs: PairWeights = signal.pairs(withOthers);
    let total = 0;
    for (const weight of pairs.values()) total += weight;
    if (total === 0) {
      contributions[signal.name] = 0;
      continue;
    }
    const share = shares[signal.name] ?? signal.share;
    const scale = (share * (signal.sparse ? coveredFiles(pairs, count) : count)) / total;
    for (const [key, weight] of pairs) combined.set(key, (combined.get(key) ?? 0) + weight * scale);
    contributions[signal.name] = share;
  }
  const sources = new Int32Array(combined.size);
  const targets = new Int32Array(combined.size);
  const weights = new Float64Array(combined.size);
  let edge = 0;
  for (const [key, weight] of combined) {
    sources[edge] = Math.floor(key / count);
    targets[edge] = key % count;
    weights[edge++] = weight;
  }
  return { graph: new FileGraph(input.files, sources, targets, weights), contributions };
}

function coveredFiles(pairs: PairWeights, count: number): number {
  const files = new Set<number>();
  for (const key of pairs.keys()) {
    files.add(Math.floor(key / count));
    files.add(key % count);
  }
  return files.size;
}
