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
  const entries = new PairList();
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
    pairs.forEach((weight, key) => entries.push(key, weight * scale));
    contributions[signal.name] = share;
  }
  const { sources, targets, weights } = sumPairs(entries, count);
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

/** Pair keys and weights in the order the signals give them, in growing flat arrays. */
class PairList {
  length = 0;
  keys = new Float64Array(1024);
  weights = new Float64Array(1024);

  push(key: number, weight: number): void {
    if (this.length === this.keys.length) {
      const keys = new Float64Array(this.length * 2);
      const weights = new Float64Array(this.length * 2);
      keys.set(this.keys);
      weights.set(this.weights);
      this.keys = keys;
      this.weights = weights;
    }
    this.keys[this.length] = key;
    this.weights[this.length++] = weight;
  }
}

/**
 * One edge per pair, its weights summed in the order they came and the edges in the order the pairs first came:
 * what summing into a `Map` gives. A pair key outgrows V8's small integers past 46,341 files, and summing 1.5
 * million boxed keys in a `Map` took a second on 50,000 files; here the entries are grouped by their first file
 * (a stable counting sort) and summed per second file in a dense row, all in flat arrays.
 */
function sumPairs(
  entries: PairList,
  count: number,
): { sources: Int32Array; targets: Int32Array; weights: Float64Array } {
  const n = entries.length;
  const firsts = new Int32Array(n);
  const seconds = new Int32Array(n);
  const rowStarts = new Int32Array(count + 1);
  for (let e = 0; e < n; e++) {
    const key = entries.keys[e]!;
    const i = Math.floor(key / count);
    firsts[e] = i;
    seconds[e] = key - i * count;
    rowStarts[i + 1]!++;
  }
  for (let i = 0; i < count; i++) rowStarts[i + 1]! += rowStarts[i]!;
  const byRow = new Int32Array(n);
  const fill = rowStarts.slice(0, count);
  for (let e = 0; e < n; e++) byRow[fill[firsts[e]!]!++] = e;
  // Per entry that brings a new pair: the pair's sum; `rowOf[j]` says which row last met `j`, `sumAt[j]` where.
  const sums = new Float64Array(n);
  const isNew = new Uint8Array(n);
  const rowOf = new Int32Array(count).fill(-1);
  const sumAt = new Int32Array(count);
  let unique = 0;
  for (let i = 0; i < count; i++) {
    for (let at = rowStarts[i]!; at < rowStarts[i + 1]!; at++) {
      const e = byRow[at]!;
      const j = seconds[e]!;
      if (rowOf[j] !== i) {
        rowOf[j] = i;
        sumAt[j] = e;
        isNew[e] = 1;
        sums[e] = 0 + entries.weights[e]!;
        unique++;
      } else sums[sumAt[j]!]! += entries.weights[e]!;
    }
  }
  const sources = new Int32Array(unique);
  const targets = new Int32Array(unique);
  const weights = new Float64Array(unique);
  for (let e = 0, edge = 0; e < n; e++) {
    if (!isNew[e]) continue;
    sources[edge] = firsts[e]!;
    targets[edge] = seconds[e]!;
    weights[edge++] = sums[e]!;
  }
  return { sources, targets, weights };
}
