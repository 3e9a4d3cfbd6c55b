import type { UndirectedGraph } from 'graphology';
import { FileGraph } from './file-graph.ts';

/**
 * Louvain (fast local moves, random start) over a compact adjacency built once per graph.
 *
 * The same algorithm as graphology-communities-louvain 2.0.2 with `getEdgeWeight: 'weight'`, move for move:
 * the same node and edge order, the same use of the random numbers, the same float arithmetic and tie-breaking,
 * so it finds the same communities (a test holds the two side by side). The library rebuilds its index from the
 * graph's edge objects on every call and zooms out through per-community objects; a plan runs Louvain ten to
 * twenty times on one graph, and on 50,000 files that rebuilding and the garbage it left were most of the
 * clustering's time.
 */

export type IntArray = Uint8Array | Uint16Array | Uint32Array;
type IntArrayClass = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor;

/** The smallest unsigned array holding indices below `size` (the library's choice, overflow included). */
function pointerArray(size: number): IntArrayClass {
  const maxIndex = size - 1;
  if (maxIndex <= 0xff) return Uint8Array;
  if (maxIndex <= 0xffff) return Uint16Array;
  return Uint32Array;
}

/** A graph's nodes and weighted edges as the Louvain index first lays them out; never changed once built. */
export interface LouvainInput {
  nodes: string[];
  edgeCount: number;
  total: number;
  starts: IntArray;
  neighborhood: IntArray;
  weights: Float64Array;
  loops: Float64Array;
  totalWeights: Float64Array;
}

const built = new WeakMap<FileGraph | UndirectedGraph, LouvainInput>();

/** The graph's Louvain input, built on first use: callers must not change a graph once clustered. */
export function louvainInput(graph: FileGraph | UndirectedGraph): LouvainInput {
  let input = built.get(graph);
  if (!input) built.set(graph, (input = graph instanceof FileGraph ? fromFileGraph(graph) : fromGraphology(graph)));
  return input;
}

/** What the index is built from: nodes in order, each one's neighbour count, the edges in order. */
interface Edges {
  nodes: string[];
  size: number;
  selfLoops: number;
  degree: (i: number) => number;
  forEachEdge: (callback: (source: number, target: number, weight: number) => void) => void;
}

function fromFileGraph(graph: FileGraph): LouvainInput {
  let selfLoops = 0;
  for (let e = 0; e < graph.size; e++) if (graph.sources[e] === graph.targets[e]) selfLoops++;
  return buildInput({
    nodes: [...graph.nodes],
    size: graph.size,
    selfLoops,
    degree: (i) => graph.degree(i),
    forEachEdge: (callback) => {
      for (let e = 0; e < graph.size; e++) callback(graph.sources[e]!, graph.targets[e]!, graph.weights[e]!);
    },
  });
}

function fromGraphology(graph: UndirectedGraph): LouvainInput {
  const nodes = graph.nodes();
  const ids = new Map(nodes.map((node, i) => [node, i]));
  return buildInput({
    nodes,
    size: graph.size,
    selfLoops: graph.selfLoopCount,
    degree: (i) => graph.undirectedDegreeWithoutSelfLoops(nodes[i]!),
    forEachEdge: (callback) =>
      graph.forEachEdge((_edge, attributes, source, target) => {
        // graphology-utils' weight getter: anything but a number counts 1.
        const raw: unknown = attributes['weight'];
        callback(ids.get(source)!, ids.get(target)!, typeof raw !== 'number' || Number.isNaN(raw) ? 1 : raw);
      }),
  });
}

function buildInput(graph: Edges): LouvainInput {
  const order = graph.nodes.length;
  const size = (graph.size - graph.selfLoops) * 2;
  const starts = new (pointerArray(size))(order + 1);
  const neighborhood = new (pointerArray(order + 1))(size);
  const weights = new Float64Array(size);
  const loops = new Float64Array(order);
  const totalWeights = new Float64Array(order);
  let n = 0;
  for (let i = 0; i < order; i++) {
    n += graph.degree(i);
    starts[i] = n;
  }
  let total = 0;
  graph.forEachEdge((source, target, weight) => {
    total += weight;
    if (source === target) {
      totalWeights[source]! += weight * 2;
      loops[source] = weight * 2;
      return;
    }
    totalWeights[source]! += weight;
    totalWeights[target]! += weight;
    const startSource = --starts[source]!;
    const startTarget = --starts[target]!;
    neighborhood[startSource] = target;
    neighborhood[startTarget] = source;
    weights[startSource] = weight;
    weights[startTarget] = weight;
  });
  starts[order] = size;
  return { nodes: graph.nodes, edgeCount: graph.size, total, starts, neighborhood, weights, loops, totalWeights };
}

/** Community of each node (by node index), labels 0..k-1. */
export function louvainMapping(input: LouvainInput, resolution: number, rng: () => number): IntArray {
  const order = input.nodes.length;
  const Nodes = pointerArray(order + 1);
  // Without edges every node is its own community.
  if (input.edgeCount === 0) {
    const alone = new Nodes(order);
    for (let i = 0; i < order; i++) alone[i] = i;
    return alone;
  }
  const index = new Index(input, resolution, Nodes, scratchOf(input));
  const queue = queueSet(index.C);
  // The communities around the node being moved, in the order its neighbours first meet them, with the weight
  // to each summed in neighbour order (mnemonist's SparseMap did the same with a branch per neighbour).
  const touched = new Int32Array(order);
  const seen = new Uint8Array(order);
  const sums = new Float64Array(order);
  const { belongings, totalWeights, loops, starts } = index;
  const twoM = 2 * index.M;
  for (let moveWasMade = true; moveWasMade;) {
    const l = index.C;
    const { neighborhood, weights } = index;
    moveWasMade = false;
    let ri = Math.floor(rng() * l);
    for (let s = 0; s < l; s++, ri++) queue.enqueue(ri % l);
    while (queue.size !== 0) {
      const i = queue.dequeue();
      let degree = 0;
      let found = 0;
      const currentCommunity = belongings[i]!;
      const first = starts[i]!;
      const last = starts[i + 1]!;
      for (let at = first; at < last; at++) {
        const weight = weights[at]!;
        const c = belongings[neighborhood[at]!]!;
        degree += weight;
        touched[found] = c;
        found += 1 - seen[c]!;
        seen[c] = 1;
        sums[c]! += weight;
      }
      const withLoops = degree + loops[i]!;
      let bestDelta =
        sums[currentCommunity]! - (withLoops * (totalWeights[currentCommunity]! - withLoops) * resolution) / twoM;
      let bestCommunity = currentCommunity;
      for (let t = 0; t < found; t++) {
        const targetCommunity = touched[t]!;
        const toTarget = sums[targetCommunity]!;
        seen[targetCommunity] = 0;
        sums[targetCommunity] = 0;
        if (targetCommunity === currentCommunity) continue;
        const delta = toTarget - (withLoops * totalWeights[targetCommunity]! * resolution) / twoM;
        if (tieBreaker(bestCommunity, currentCommunity, targetCommunity, delta, bestDelta)) {
          bestDelta = delta;
          bestCommunity = targetCommunity;
        }
      }
      if (bestDelta < 0) {
        // Back to a singleton (the library's handling of a resolution other than 1).
        bestCommunity = index.isolate(i, degree);
        if (bestCommunity === currentCommunity) continue;
      } else {
        if (bestCommunity === currentCommunity) continue;
        index.move(i, degree, bestCommunity);
      }
      moveWasMade = true;
      for (let at = first; at < last; at++) {
        const j = neighborhood[at]!;
        if (belongings[j] !== bestCommunity) queue.enqueue(j);
      }
    }
    if (moveWasMade) index.zoomOut();
  }
  return index.mapping;
}

/**
 * Two neighbourhood and weight arrays per input, reused by every run on it: the first level reads the input's own,
 * and zooming out writes the coarser graph into the scratch pair not in use. Allocated per run and per zoom they were 36 MB at a time on 50,000 files, and V8 ran a
 * full collection of the whole heap for nearly every one (a third of a plan's time went to it).
 */
interface Scratch {
  neighborhoods: [IntArray, IntArray];
  weights: [Float64Array, Float64Array];
}

const scratches = new WeakMap<LouvainInput, Scratch>();

function scratchOf(input: LouvainInput): Scratch {
  let scratch = scratches.get(input);
  if (!scratch) {
    const Pointers = input.neighborhood.constructor as IntArrayClass;
    const size = input.neighborhood.length;
    scratch = {
      neighborhoods: [new Pointers(size), new Pointers(size)],
      weights: [new Float64Array(size), new Float64Array(size)],
    };
    scratches.set(input, scratch);
  }
  return scratch;
}

const EPSILON = 1e-10;

function tieBreaker(best: number, current: number, target: number, delta: number, bestDelta: number): boolean {
  if (Math.abs(delta - bestDelta) < EPSILON) return best === current ? false : target > best;
  return delta > bestDelta;
}

/** graphology-indices' UndirectedLouvainIndex, on arrays; zooming out accumulates in the same order. */
class Index {
  C: number;
  U = 0;
  readonly M: number;
  starts: IntArray;
  neighborhood: IntArray;
  weights: Float64Array;
  readonly loops: Float64Array;
  readonly totalWeights: Float64Array;
  readonly belongings: IntArray;
  readonly counts: IntArray;
  readonly unused: IntArray;
  readonly mapping: IntArray;
  readonly resolution: number;
  private readonly scratch: Scratch;

  constructor(input: LouvainInput, resolution: number, Nodes: IntArrayClass, scratch: Scratch) {
    const order = input.nodes.length;
    this.resolution = resolution;
    this.scratch = scratch;
    this.C = order;
    this.M = input.total;
    this.starts = input.starts.slice();
    // Read, never written: zooming out writes the coarser graph into the scratch arrays.
    this.neighborhood = input.neighborhood;
    this.weights = input.weights;
    this.loops = input.loops.slice();
    this.totalWeights = input.totalWeights.slice();
    this.belongings = new Nodes(order);
    this.counts = new Nodes(order);
    this.unused = new Nodes(order);
    for (let i = 0; i < order; i++) {
      this.belongings[i] = i;
      this.counts[i] = 1;
    }
    this.mapping = this.belongings.slice();
  }

  isolate(i: number, degree: number): number {
    const currentCommunity = this.belongings[i]!;
    if (this.counts[currentCommunity] === 1) return currentCommunity;
    const newCommunity = this.unused[--this.U]!;
    const loops = this.loops[i]!;
    this.totalWeights[currentCommunity]! -= degree + loops;
    this.totalWeights[newCommunity]! += degree + loops;
    this.belongings[i] = newCommunity;
    this.counts[currentCommunity]!--;
    this.counts[newCommunity]!++;
    return newCommunity;
  }

  move(i: number, degree: number, targetCommunity: number): void {
    const currentCommunity = this.belongings[i]!;
    const loops = this.loops[i]!;
    this.totalWeights[currentCommunity]! -= degree + loops;
    this.totalWeights[targetCommunity]! += degree + loops;
    this.belongings[i] = targetCommunity;
    const nowEmpty = this.counts[currentCommunity]!-- === 1;
    this.counts[targetCommunity]!++;
    if (nowEmpty) this.unused[this.U++] = currentCommunity;
  }

  /**
   * Communities become nodes. Each pair of communities' weight is summed over the old nodes in ascending order,
   * as the library sums it, and the new neighbours are listed in ascending order, as its object keys iterate.
   */
  zoomOut(): void {
    const oldC = this.C;
    const labels = new Int32Array(oldC).fill(-1);
    const communityTotals: number[] = [];
    let C = 0;
    for (let i = 0; i < oldC; i++) {
      const ci = this.belongings[i]!;
      if (labels[ci] === -1) {
        labels[ci] = C++;
        communityTotals.push(this.totalWeights[ci]!);
      }
      this.belongings[i] = labels[ci]!;
    }
    for (let i = 0; i < this.mapping.length; i++) this.mapping[i] = this.belongings[this.mapping[i]!]!;

    // Old nodes grouped by their new community, ascending within each group (a stable counting sort).
    const groupStarts = new Int32Array(C + 1);
    for (let i = 0; i < oldC; i++) groupStarts[this.belongings[i]! + 1]!++;
    for (let c = 0; c < C; c++) groupStarts[c + 1]! += groupStarts[c]!;
    const members = new Int32Array(oldC);
    const fill = groupStarts.slice(0, C);
    for (let i = 0; i < oldC; i++) members[fill[this.belongings[i]!]!++] = i;

    // Written into the spare arrays; entries past the new end are stale and never read.
    const spare = this.neighborhood === this.scratch.neighborhoods[0] ? 1 : 0;
    const neighborhood = this.scratch.neighborhoods[spare];
    const weights = this.scratch.weights[spare];
    const sums = new Float64Array(C);
    const seen = new Int32Array(C).fill(-1);
    // The communities a community touches, sorted as numbers by the typed array's own sort (no comparator calls).
    const touched = new Int32Array(C);
    const { belongings, starts, loops, neighborhood: oldNeighborhood, weights: oldWeights } = this;
    let n = 0;
    for (let ci = 0; ci < C; ci++) {
      let internal = 0;
      let found = 0;
      for (let m = groupStarts[ci]!; m < groupStarts[ci + 1]!; m++) {
        const i = members[m]!;
        internal += loops[i]!;
        for (let j = starts[i]!, end = starts[i + 1]!; j < end; j++) {
          const cj = belongings[oldNeighborhood[j]!]!;
          if (cj === ci) {
            internal += oldWeights[j]!;
            continue;
          }
          if (seen[cj] !== ci) {
            seen[cj] = ci;
            sums[cj] = 0;
            touched[found++] = cj;
          }
          sums[cj]! += oldWeights[j]!;
        }
      }
      const sorted = touched.subarray(0, found).sort();
      loops[ci] = internal;
      starts[ci] = n;
      for (let t = 0; t < found; t++) {
        const cj = sorted[t]!;
        neighborhood[n] = cj;
        weights[n] = sums[cj]!;
        n++;
      }
    }
    for (let ci = 0; ci < C; ci++) {
      this.totalWeights[ci] = communityTotals[ci]!;
      this.counts[ci] = 1;
      this.belongings[ci] = ci;
    }
    this.starts[C] = n;
    this.neighborhood = neighborhood;
    this.weights = weights;
    this.C = C;
    this.U = 0;
  }
}

/** mnemonist's SparseQueueSet: a FIFO queue holding each member once, with its bounds test kept as it is. */
class SparseQueueSet {
  start = 0;
  size = 0;
  readonly dense: IntArray;
  readonly sparse: IntArray;
  readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
    const Pointers = pointerArray(capacity);
    this.dense = new Pointers(capacity);
    this.sparse = new Pointers(capacity);
  }

  enqueue(member: number): void {
    let at = this.sparse[member]!;
    if (this.size !== 0) {
      const inBounds =
        (at < this.capacity && at >= this.start && at < this.start + this.size) ||
        at < wrapped(this.start + this.size, this.capacity);
      if (inBounds && this.dense[at] === member) return;
    }
    at = wrapped(this.start + this.size, this.capacity);
    this.dense[at] = member;
    this.sparse[member] = at;
    this.size++;
  }

  dequeue(): number {
    const at = this.start;
    this.size--;
    this.start++;
    if (this.start === this.capacity) this.start = 0;
    const member = this.dense[at]!;
    this.sparse[member] = this.capacity;
    return member;
  }
}

/**
 * A queue whose test for members already queued is the library's: with a capacity its pointer type cannot hold
 * (256 or 65,536 nodes), a dequeued member's position wraps to 0 and the library may take it as still queued.
 * Every other capacity tests a flag, which says the same.
 */
function queueSet(capacity: number): SparseQueueSet | FlagQueueSet {
  return capacity === 0x100 || capacity === 0x10000 ? new SparseQueueSet(capacity) : new FlagQueueSet(capacity);
}

/** A FIFO queue holding each member once, with a flag per member. */
class FlagQueueSet {
  start = 0;
  size = 0;
  readonly dense: Int32Array;
  readonly queued: Uint8Array;
  readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.dense = new Int32Array(capacity);
    this.queued = new Uint8Array(capacity);
  }

  enqueue(member: number): void {
    if (this.queued[member] === 1) return;
    this.queued[member] = 1;
    this.dense[wrapped(this.start + this.size, this.capacity)] = member;
    this.size++;
  }

  dequeue(): number {
    const member = this.dense[this.start]!;
    this.size--;
    this.start++;
    if (this.start === this.capacity) this.start = 0;
    this.queued[member] = 0;
    return member;
  }
}

/** `value % capacity` for a value below twice the capacity (a queue's start plus its size): no division. */
function wrapped(value: number, capacity: number): number {
  return value >= capacity ? value - capacity : value;
}
