import type { Graph } from '@seams/graph';
import type { WeightedDependency } from '../dependencies.ts';

/** What every signal may look at; a signal needing more (git history, tables) brings it through its own input. */
export interface SignalInput {
  graph: Graph;
  /** The files to cluster, indexed: pair keys use these indices. */
  files: readonly string[];
  dependencies: readonly WeightedDependency[];
  /** The names of the signals combined with this one, when it is combined: one signal may read another's evidence. */
  combined?: readonly string[];
}

/** Undirected pair weights, keyed by `pairKey(i, j)`. */
export type PairWeights = Map<number, number>;

/**
 * A clustering signal: how strongly pairs of files belong together by one kind of evidence.
 * Weights are relative within a signal; the combiner scales each signal to its share.
 */
export interface Signal {
  name: string;
  description: string;
  /** Default share of the combined weight when the signal is on. */
  share: number;
  /** Speaks about some files only (those touching tables): its share is of the files it covers, not of all. */
  sparse?: boolean;
  /** Whether the input carries what this signal needs (a foreign graph has no exports, for one). */
  isAvailable(input: SignalInput): boolean;
  pairs(input: SignalInput): PairWeights;
}

export function pairKey(i: number, j: number, count: number): number {
  return i < j ? i * count + j : j * count + i;
}

export function addPair(weights: PairWeights, i: number, j: number, count: number, weight: number): void {
  if (i === j || weight <= 0) return;
  const key = pairKey(i, j, count);
  weights.set(key, (weights.get(key) ?? 0) + weight);
}
