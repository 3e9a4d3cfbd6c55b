import type { Graph } from '@seams/graph';

/**
 * Which use cases exercise which files, kept compact: a list of files per use case is entry points x reachable
 * files, quadratic on a big graph (4.6 s of a 10k-file plan). Use cases that exercise the same files (the routes
 * of one router file, or one trace) form a group, and each file holds a bit set over the groups that reach it.
 */
export interface UseCaseReach {
  /** The use case ids of each group. */
  groups: ReadonlyArray<readonly string[]>;
  /** File -> bit set over `groups`: group g is bit g % 32 of word g >> 5. */
  reach: ReadonlyMap<string, Uint32Array>;
}

/** Use cases given with their own files (traces, a hand-worked example): one group each. */
export function reachOfFiles(useCases: ReadonlyArray<{ id: string; files: readonly string[] }>): UseCaseReach {
  const words = Math.ceil(useCases.length / 32);
  const reach = new Map<string, Uint32Array>();
  useCases.forEach(({ files }, group) => {
    for (const file of files) setBit(bitsOf(reach, file, words), group);
  });
  return { groups: useCases.map(({ id }) => [id]), reach };
}

/**
 * The files each of the graph's use cases exercises: a trace's own files, else every file its entry file reaches
 * through value imports (a type-only import runs nothing). Undefined when the graph has no use case with either.
 */
export function useCaseReach(graph: Pick<Graph, 'edges' | 'useCases'>): UseCaseReach | undefined {
  const entries = new Map<string, string[]>();
  const traces: Array<{ id: string; files: readonly string[] }> = [];
  for (const useCase of graph.useCases ?? []) {
    if (useCase.files) traces.push({ id: useCase.id, files: useCase.files });
    else if (useCase.entry !== undefined)
      entries.set(useCase.entry, [...(entries.get(useCase.entry) ?? []), useCase.id]);
  }
  if (entries.size === 0 && traces.length === 0) return undefined;
  const groups = [...entries.values(), ...traces.map(({ id }) => [id])];
  const words = Math.ceil(groups.length / 32);
  const reach = new Map<string, Uint32Array>();
  const queue = [...entries.keys()];
  queue.forEach((entry, group) => setBit(bitsOf(reach, entry, words), group));
  propagate(graph.edges, reach, queue, words);
  // A trace names exactly the files it ran: its bits are set after the walk, never carried along imports.
  traces.forEach(({ files }, i) => {
    for (const file of files) setBit(bitsOf(reach, file, words), entries.size + i);
  });
  return { groups, reach };
}

// Each file's bits flow to what it imports until nothing changes; a file is queued again only when it gains a bit.
function propagate(edges: Graph['edges'], reach: Map<string, Uint32Array>, queue: string[], words: number): void {
  const next = new Map<string, string[]>();
  for (const { from, to, kind } of edges) {
    if (kind === 'type') continue;
    const targets = next.get(from);
    if (targets) targets.push(to);
    else next.set(from, [to]);
  }
  const queued = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    queued.delete(file);
    const bits = reach.get(file)!;
    for (const to of next.get(file) ?? []) {
      const target = bitsOf(reach, to, words);
      let gained = false;
      for (let w = 0; w < words; w++) {
        const merged = (target[w]! | bits[w]!) >>> 0; // unsigned, as the array reads it back
        if (merged !== target[w]) {
          target[w] = merged;
          gained = true;
        }
      }
      if (gained && !queued.has(to)) {
        queued.add(to);
        queue.push(to);
      }
    }
  }
}

function bitsOf(reach: Map<string, Uint32Array>, file: string, words: number): Uint32Array {
  let bits = reach.get(file);
  if (!bits) reach.set(file, (bits = new Uint32Array(words)));
  return bits;
}

const setBit = (bits: Uint32Array, group: number) => {
  bits[group >> 5] = (bits[group >> 5] ?? 0) | (1 << (group & 31));
};
