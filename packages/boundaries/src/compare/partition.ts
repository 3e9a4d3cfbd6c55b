/** A clustering: item -> cluster label. Labels only name clusters; their text carries no meaning. */
export type Partition = ReadonlyMap<string, string>;

/**
 * The contingency table of two partitions over the items present in both: rows are the clusters
 * of `rows`, columns the clusters of `columns`, each numbered in order of first appearance.
 */
export interface Contingency {
  /** Items present in both partitions. */
  readonly n: number;
  readonly rowSizes: readonly number[];
  readonly columnSizes: readonly number[];
  /** Per row: column index -> overlap size, non-zero cells only (sparse: at most `n` cells in all). */
  readonly cells: readonly ReadonlyMap<number, number>[];
}

/** Builds the contingency table of `rows` against `columns`, ignoring items missing from either side. */
export function contingency(rows: Partition, columns: Partition): Contingency {
  const rowIndex = new Map<string, number>();
  const columnIndex = new Map<string, number>();
  const rowSizes: number[] = [];
  const columnSizes: number[] = [];
  const cells: Map<number, number>[] = [];
  let n = 0;
  for (const [item, rowLabel] of rows) {
    const columnLabel = columns.get(item);
    if (columnLabel === undefined) continue;
    n++;
    const i = indexOf(rowIndex, rowLabel, rowSizes, cells);
    const j = indexOf(columnIndex, columnLabel, columnSizes);
    rowSizes[i]! += 1;
    columnSizes[j]! += 1;
    const row = cells[i]!;
    row.set(j, (row.get(j) ?? 0) + 1);
  }
  return { n, rowSizes, columnSizes, cells };
}

function indexOf(index: Map<string, number>, label: string, sizes: number[], cells?: Map<number, number>[]): number {
  let at = index.get(label);
  if (at === undefined) {
    at = sizes.length;
    index.set(label, at);
    sizes.push(0);
    cells?.push(new Map());
  }
  return at;
}
