import { contingency, type Partition } from './partition.ts';

/**
 * Adjusted Rand index (Hubert & Arabie 1985) of `candidate` against `truth`, over the items
 * present in both: 1 for the same clustering (whatever the labels), about 0 for a random one,
 * negative for worse than random. Computed from pair counts like scikit-learn's
 * `adjusted_rand_score`, so it is 1 whenever no pair of items is split differently (including
 * fewer than two shared items, or both sides all-in-one or all-singletons).
 */
export function adjustedRandIndex(truth: Partition, candidate: Partition): number {
  const table = contingency(truth, candidate);
  let together = 0; // pairs in the same cluster on both sides
  for (const row of table.cells) for (const count of row.values()) together += pairs(count);
  const inTruth = sum(table.rowSizes.map(pairs));
  const inCandidate = sum(table.columnSizes.map(pairs));
  const onlyTruth = inTruth - together;
  const onlyCandidate = inCandidate - together;
  const apart = pairs(table.n) - together - onlyTruth - onlyCandidate;
  if (onlyTruth === 0 && onlyCandidate === 0) return 1;
  // The pair-confusion form of (index - expected) / (max - expected); its denominator is
  // positive once some pair disagrees, where the textbook form can divide 0 by 0.
  const numerator = 2 * (together * apart - onlyTruth * onlyCandidate);
  const denominator =
    (together + onlyTruth) * (onlyTruth + apart) + (together + onlyCandidate) * (onlyCandidate + apart);
  return numerator / denominator;
}

function pairs(k: number): number {
  return (k * (k - 1)) / 2;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
