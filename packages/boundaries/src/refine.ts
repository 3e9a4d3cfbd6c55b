import { FileGraphBuilder, type FileGraph } from './file-graph.ts';
import { runLouvain } from './louvain-runs.ts';

/** File -> cluster label. */
export type Partition = Map<string, string>;

export function groupsOf(partition: ReadonlyMap<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [file, label] of partition) {
    let list = groups.get(label);
    if (!list) groups.set(label, (list = []));
    list.push(file);
  }
  return groups;
}

/** A service must be connected: a cluster in pieces becomes one cluster per piece. */
export function splitDisconnected(graph: FileGraph, partition: Partition): Partition {
  const result: Partition = new Map();
  const groups = groupsOf(partition);
  // By node index: each file's cluster (-1 outside the partition) and whether a walk reached it.
  const clusterOf = new Int32Array(graph.order).fill(-1);
  let cluster = 0;
  for (const files of groups.values()) {
    for (const file of files) {
      const i = graph.indexOf(file);
      if (i !== undefined) clusterOf[i] = cluster;
    }
    cluster++;
  }
  const seen = new Uint8Array(graph.order);
  cluster = 0;
  for (const [label, files] of groups) {
    let piece = 0;
    for (const start of files) {
      const first = graph.indexOf(start);
      if (first !== undefined && seen[first]) continue;
      const id = piece++ === 0 ? label : `${label}.${piece - 1}`;
      if (first === undefined) {
        result.set(start, id);
        continue;
      }
      const stack = [first];
      seen[first] = 1;
      while (stack.length > 0) {
        const i = stack.pop()!;
        result.set(graph.nodes[i]!, id);
        graph.forEachNeighborIndex(i, (other) => {
          if (!seen[other] && clusterOf[other] === cluster) {
            seen[other] = 1;
            stack.push(other);
          }
        });
      }
    }
    cluster++;
  }
  return result;
}

/** Clusters with their sizes, degrees and the weight between each pair, updated in place as clusters merge. */
interface ClusterTable {
  partition: Partition;
  /** Each cluster's files, so a merge relabels only the files it moves. */
  members: Map<string, string[]>;
  size: Map<string, number>;
  degree: Map<string, number>;
  between: Map<string, Map<string, number>>;
  total: number;
}

function clusterTable(graph: FileGraph, partition: Partition): ClusterTable {
  const table: ClusterTable = {
    partition: new Map(partition),
    members: groupsOf(partition),
    size: new Map(),
    degree: new Map(),
    between: new Map(),
    total: 0,
  };
  for (const label of partition.values()) table.size.set(label, (table.size.get(label) ?? 0) + 1);
  graph.forEachEdge((a, b, weight) => {
    const la = partition.get(a);
    const lb = partition.get(b);
    if (la === undefined || lb === undefined) return;
    table.total += weight;
    table.degree.set(la, (table.degree.get(la) ?? 0) + weight);
    table.degree.set(lb, (table.degree.get(lb) ?? 0) + weight);
    if (la !== lb) {
      addBetween(table, la, lb, weight);
      addBetween(table, lb, la, weight);
    }
  });
  return table;
}

function addBetween(table: ClusterTable, a: string, b: string, weight: number): void {
  let row = table.between.get(a);
  if (!row) table.between.set(a, (row = new Map<string, number>()));
  row.set(b, (row.get(b) ?? 0) + weight);
}

// Folds cluster `from` into `into`: O(neighbours of from), not a recount of the whole graph.
function merge(table: ClusterTable, from: string, into: string): void {
  const row = table.between.get(from) ?? new Map<string, number>();
  for (const [other, weight] of row) {
    table.between.get(other)!.delete(from);
    if (other === into) continue;
    addBetween(table, into, other, weight);
    addBetween(table, other, into, weight);
  }
  table.between.get(into)?.delete(from);
  table.between.delete(from);
  table.size.set(into, table.size.get(into)! + table.size.get(from)!);
  table.size.delete(from);
  table.degree.set(into, (table.degree.get(into) ?? 0) + (table.degree.get(from) ?? 0));
  table.degree.delete(from);
  const moved = table.members.get(from) ?? [];
  for (const file of moved) table.partition.set(file, into);
  table.members.get(into)?.push(...moved);
  table.members.delete(from);
}

// The heaviest tie, the first label (localeCompare) among equals, the first met among labels that compare equal.
function bestNeighbour(row: Map<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of row)
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0].localeCompare(best[0]) < 0)) best = entry;
  return best?.[0];
}

/**
 * Clusters smaller than `minSize` join the neighbour they are most tied to (a two-pizza team owns more than a file),
 * the smallest first (then by label), but for those `keep` holds (a whole folder the imports show to be a module). A heap of the candidates: a cluster only grows, and only the one absorbing
 * another changes, so re-sorting every cluster after each merge (quadratic in tiny clusters) finds the same order.
 */
export function mergeTiny(
  graph: FileGraph,
  partition: Partition,
  minSize: number,
  keep: (files: readonly string[]) => boolean = () => false,
): Partition {
  const table = clusterTable(graph, partition);
  const rank = new Map([...table.size.keys()].map((label, i) => [label, i]));
  const candidates = new Heap<[label: string, size: number]>(
    (a, b) => a[1] - b[1] || a[0].localeCompare(b[0]) || rank.get(a[0])! - rank.get(b[0])!,
  );
  const eligible = (label: string) =>
    (table.size.get(label) ?? minSize) < minSize &&
    (table.between.get(label)?.size ?? 0) > 0 &&
    !keep(table.members.get(label) ?? []);
  for (const [label, size] of table.size) if (eligible(label)) candidates.push([label, size]);
  for (let next = candidates.pop(); next; next = candidates.pop()) {
    const [label, size] = next;
    // An entry left from before the cluster grew, or from a cluster merged away or left without neighbours.
    if (table.size.get(label) !== size || !eligible(label)) continue;
    const into = bestNeighbour(table.between.get(label)!)!;
    merge(table, label, into);
    if (eligible(into)) candidates.push([into, table.size.get(into)!]);
  }
  return table.partition;
}

/** A binary min-heap under `compare`. */
class Heap<T> {
  private readonly items: T[] = [];
  private readonly compare: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) {
    this.compare = compare;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let at = items.length - 1; at > 0;) {
      const parent = (at - 1) >> 1;
      if (this.compare(items[at]!, items[parent]!) >= 0) break;
      [items[at], items[parent]] = [items[parent]!, items[at]!];
      at = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let at = 0; ;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < items.length && this.compare(items[left]!, items[least]!) < 0) least = left;
      if (right < items.length && this.compare(items[right]!, items[least]!) < 0) least = right;
      if (least === at) break;
      [items[at], items[least]] = [items[least]!, items[at]!];
      at = least;
    }
    return top;
  }
}

/** Merges the pair of clusters with the best modularity gain until `count` remain. */
export function mergeToCount(graph: FileGraph, partition: Partition, count: number): Partition {
  const table = clusterTable(graph, partition);
  while (table.size.size > count) {
    let best: [string, string] | undefined;
    let bestGain = -Infinity;
    for (const [a, row] of table.between) {
      for (const [b, weight] of row) {
        if (a >= b) continue;
        const gain =
          weight / table.total - (2 * (table.degree.get(a) ?? 0) * (table.degree.get(b) ?? 0)) / (2 * table.total) ** 2;
        if (gain > bestGain) [best, bestGain] = [[a, b], gain];
      }
    }
    if (!best) break;
    merge(table, best[1], best[0]);
  }
  return table.partition;
}

/**
 * Splits clusters until `count` remain, the largest splittable one first: re-clustered on its own at a finer
 * resolution, its pieces then merged back by modularity gain if that overshoots. Throws when no cluster left
 * can be split (every one a single file).
 */
export function splitToCount(
  graph: FileGraph,
  partition: Partition,
  count: number,
  resolution: number,
  seed: number,
): Partition {
  let result = new Map(partition);
  const unsplittable = new Set<string>();
  for (let groups = groupsOf(result); groups.size < count; groups = groupsOf(result)) {
    const largest = [...groups]
      .filter(([label, files]) => files.length > 1 && !unsplittable.has(label))
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
    if (!largest) throw new RangeError(`only ${groups.size} services can be made: every other one is a single file`);
    const [label, files] = largest;
    const pieces = piecesOf(inducedSubgraph(graph, files), resolution, seed);
    if (!pieces) {
      unsplittable.add(label);
      continue;
    }
    for (const [file, piece] of pieces) result.set(file, `${label}/${piece}`);
    if (groupsOf(result).size > count) result = mergeToCount(graph, result, count);
  }
  return result;
}

// A cluster's pieces at the first finer resolution that gives two or more; a cluster in pieces already splits there.
function piecesOf(sub: FileGraph, resolution: number, seed: number): Map<string, number> | undefined {
  for (let finer = resolution * 1.5; finer < resolution * 1000; finer *= 1.5) {
    const parts = runLouvain(sub, finer, seed);
    if (new Set(parts.values()).size >= 2) return parts;
  }
  return undefined;
}

/** Clusters over `maxSize` are re-clustered on their own at a finer resolution, but for those `keep` holds. */
export function splitLarge(
  graph: FileGraph,
  partition: Partition,
  maxSize: number,
  resolution: number,
  seed: number,
  keep: (files: readonly string[]) => boolean = () => false,
): Partition {
  const result = new Map(partition);
  for (const [label, files] of groupsOf(partition)) {
    if (files.length <= maxSize || keep(files)) continue;
    const sub = inducedSubgraph(graph, files);
    for (let finer = resolution * 1.5; finer < resolution * 20; finer *= 1.5) {
      const parts = runLouvain(sub, finer, seed);
      if (new Set(parts.values()).size < 2) continue;
      for (const [file, part] of parts) result.set(file, `${label}/${part}`);
      break;
    }
  }
  return result;
}

// Built from the members' own edges: copying the whole graph and dropping the rest costs far more.
function inducedSubgraph(graph: FileGraph, files: readonly string[]): FileGraph {
  const members = new Set(files);
  const sub = new FileGraphBuilder(files);
  for (const file of files) {
    graph.forEachNeighbor(file, (other, weight) => {
      if (members.has(other) && file < other) sub.add(file, other, weight);
    });
  }
  return sub.build();
}
