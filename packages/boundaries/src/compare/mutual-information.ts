import { contingency, type Partition } from './partition.ts';

/**
 * Normalised mutual information of `candidate` against `truth`, over the items present in both,
 * with the arithmetic-mean normalisation NMI = 2·I(U;V) / (H(U) + H(V)) (scikit-learn's default
 * `average_method='arithmetic'`, equal to the V-measure). Natural logarithms; the base cancels.
 * 0..1; 1 for the same clustering whatever the labels, including both sides being one single
 * cluster (or no shared items), where the ratio would be 0/0.
 */
export function normalizedMutualInformation(truth: Partition, candidate: Partition): number {
  const table = contingency(truth, candidate);
  const { n } = table;
  if (table.rowSizes.length <= 1 && table.columnSizes.length <= 1) return 1;
  let information = 0;
  table.cells.forEach((row, i) => {
    const rowSize = table.rowSizes[i]!;
    for (const [j, count] of row) {
      // Same shape as entropy's term so identical partitions give bit-identical I and H.
      information += (count / n) * Math.log((n * count) / (rowSize * table.columnSizes[j]!));
    }
  });
  if (information <= 0) return 0;
  const normaliser = (entropy(table.rowSizes, n) + entropy(table.columnSizes, n)) / 2;
  return Math.min(1, information / normaliser);
}

function entropy(sizes: readonly number[], n: number): number {
  let total = 0;
  for (const size of sizes) total += (size / n) * Math.log((n * size) / (size * size));
  return total;
}
