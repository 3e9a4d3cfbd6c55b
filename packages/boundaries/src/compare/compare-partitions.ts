import { adjustedRandIndex } from './adjusted-rand.ts';
import { mojoFm } from './mojo.ts';
import { normalizedMutualInformation } from './mutual-information.ts';
import type { Partition } from './partition.ts';

/** How well a candidate decomposition agrees with a reference one, over the items both cover. */
export interface Agreement {
  /** Items present in both partitions; the scores ignore every other item. */
  items: number;
  /** Adjusted Rand index, about 0 for chance, 1 for the same clustering. */
  ari: number;
  /** Normalised mutual information (arithmetic mean), 0..1. */
  nmi: number;
  /** MoJoFM, 0..100: 100 minus the Move/Join effort to reach the truth, as a percentage of the worst case. */
  mojoFm: number;
}

/** Scores `candidate` against `truth` (or one plan against another) on the items present in both. */
export function comparePartitions(truth: Partition, candidate: Partition): Agreement {
  const shared = new Map<string, string>();
  for (const [item, label] of truth) if (candidate.has(item)) shared.set(item, label);
  return {
    items: shared.size,
    ari: adjustedRandIndex(shared, candidate),
    nmi: normalizedMutualInformation(shared, candidate),
    mojoFm: mojoFm(shared, candidate),
  };
}
