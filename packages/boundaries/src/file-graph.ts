/**
 * Files and the weighted, undirected ties between them, in flat arrays: what clustering reads.
 *
 * On 50,000 files the combined signals hold about 1.5 million ties; as graphology edges (an object, a key and two
 * adjacency entries each) building them took longer than clustering them and most of the memory. Edges and each
 * file's neighbours keep the order they were added in, as graphology keeps them, so Louvain moves the same way.
 */
export class FileGraph {
  readonly nodes: readonly string[];
  /** Per edge, in the order added: its two ends (node indices) and its weight. */
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  private readonly ids: Map<string, number>;
  /** Per node, its edges (edge indices) in the order added: `adjacency[offsets[i]..offsets[i+1])`. */
  private readonly offsets: Int32Array;
  private readonly adjacency: Int32Array;

  constructor(nodes: readonly string[], sources: Int32Array, targets: Int32Array, weights: Float64Array) {
    this.nodes = nodes;
    this.sources = sources;
    this.targets = targets;
    this.weights = weights;
    this.ids = new Map(nodes.map((node, i) => [node, i]));
    this.offsets = new Int32Array(nodes.length + 1);
    for (let e = 0; e < sources.length; e++) {
      this.offsets[sources[e]! + 1]!++;
      if (targets[e] !== sources[e]) this.offsets[targets[e]! + 1]!++;
    }
    for (let i = 0; i < nodes.length; i++) this.offsets[i + 1]! += this.offsets[i]!;
    this.adjacency = new Int32Array(this.offsets[nodes.length]!);
    const fill = this.offsets.slice(0, nodes.length);
    for (let e = 0; e < sources.length; e++) {
      this.adjacency[fill[sources[e]!]!++] = e;
      if (targets[e] !== sources[e]) this.adjacency[fill[targets[e]!]!++] = e;
    }
  }

  get order(): number {
    return this.nodes.length;
  }

  get size(): number {
    return this.sources.length;
  }

  /** Neighbours of node `i` (not counting itself), one per edge. */
  degree(i: number): number {
    let degree = 0;
    for (let at = this.offsets[i]!; at < this.offsets[i + 1]!; at++)
      if (this.sources[this.adjacency[at]!] !== this.targets[this.adjacency[at]!]) degree++;
    return degree;
  }

  /** Every edge once, in the order added. */
  forEachEdge(callback: (source: string, target: string, weight: number) => void): void {
    for (let e = 0; e < this.sources.length; e++)
      callback(this.nodes[this.sources[e]!]!, this.nodes[this.targets[e]!]!, this.weights[e]!);
  }

  /** The node's index, undefined for a node not in the graph. */
  indexOf(node: string): number | undefined {
    return this.ids.get(node);
  }

  /** Node `i`'s neighbours (indices) with the weight of the tie, in the order the ties were added. */
  forEachNeighborIndex(i: number, callback: (neighbor: number, weight: number) => void): void {
    for (let at = this.offsets[i]!; at < this.offsets[i + 1]!; at++) {
      const e = this.adjacency[at]!;
      callback(this.sources[e] === i ? this.targets[e]! : this.sources[e]!, this.weights[e]!);
    }
  }

  /** The node's neighbours with the weight of the tie, in the order the ties were added. */
  forEachNeighbor(node: string, callback: (neighbor: string, weight: number) => void): void {
    const i = this.ids.get(node);
    if (i === undefined) return;
    for (let at = this.offsets[i]!; at < this.offsets[i + 1]!; at++) {
      const e = this.adjacency[at]!;
      callback(this.nodes[this.sources[e] === i ? this.targets[e]! : this.sources[e]!]!, this.weights[e]!);
    }
  }

  /** The weight between two nodes, 0 when they are not tied. */
  weight(a: string, b: string): number {
    let found = 0;
    this.forEachNeighbor(a, (neighbor, weight) => {
      if (neighbor === b) found = weight;
    });
    return found;
  }
}

/** Builds a FileGraph edge by edge; adding a tie that exists (either way round) adds to its weight. */
export class FileGraphBuilder {
  private readonly nodes: readonly string[];
  private readonly ids: Map<string, number>;
  private readonly edgeOf = new Map<number, number>();
  private readonly sources: number[] = [];
  private readonly targets: number[] = [];
  private readonly weights: number[] = [];

  constructor(nodes: readonly string[]) {
    this.nodes = nodes;
    this.ids = new Map(nodes.map((node, i) => [node, i]));
  }

  add(a: string, b: string, weight: number): void {
    this.addByIndex(this.ids.get(a)!, this.ids.get(b)!, weight);
  }

  addByIndex(a: number, b: number, weight: number): void {
    const key = a < b ? a * this.nodes.length + b : b * this.nodes.length + a;
    const existing = this.edgeOf.get(key);
    if (existing !== undefined) {
      this.weights[existing]! += weight;
      return;
    }
    this.edgeOf.set(key, this.sources.length);
    this.sources.push(a);
    this.targets.push(b);
    this.weights.push(weight);
  }

  build(): FileGraph {
    return new FileGraph(
      this.nodes,
      Int32Array.from(this.sources),
      Int32Array.from(this.targets),
      Float64Array.from(this.weights),
    );
  }
}
