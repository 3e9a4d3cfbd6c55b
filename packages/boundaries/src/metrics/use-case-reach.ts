import { stronglyConnected, type Graph } from '@seams/graph';

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
  const reach = reachFromEntries(graph.edges, [...entries.keys()], words);
  // A trace names exactly the files it ran: its bits are set after the walk, never carried along imports. Files of
  // one import loop share their bit set: a file a trace names gets its own copy.
  traces.forEach(({ files }, i) => {
    for (const file of files) {
      const bits = reach.get(file)?.slice() ?? new Uint32Array(words);
      setBit(bits, entries.size + i);
      reach.set(file, bits);
    }
  });
  return { groups, reach };
}

/**
 * Entry g's bit flows to every file it reaches through value imports. The files of an import loop reach the same
 * files, so the walk runs over the loops (strongly connected components) in topological order: each import is
 * crossed once, and the files of a loop share one bit set. A fixed point over files re-queued whenever they gained
 * a bit crossed the imports of a 50k-file graph again and again (a third of its plan's time).
 */
function reachFromEntries(edges: Graph['edges'], entries: readonly string[], words: number): Map<string, Uint32Array> {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = names.push(name) - 1));
    return id;
  };
  for (const entry of entries) idOf(entry);
  const values = edges.filter((edge) => edge.kind !== 'type');
  const pairs = new Int32Array(values.length * 2);
  values.forEach(({ from, to }, i) => {
    pairs[2 * i] = idOf(from);
    pairs[2 * i + 1] = idOf(to);
  });
  // Components come out after those they reach: the highest index has no importer outside itself.
  const components = stronglyConnected(names.length, pairs);
  const componentOf = new Int32Array(names.length);
  components.forEach((members, c) => {
    for (const member of members) componentOf[member] = c;
  });
  const bits: Array<Uint32Array | undefined> = new Array<Uint32Array | undefined>(components.length);
  const bitsAt = (c: number) => (bits[c] ??= new Uint32Array(words));
  entries.forEach((_, group) => setBit(bitsAt(componentOf[group]!), group));
  // The imports by importing component, highest first: a component's bits are complete before it passes them on.
  const order = new Int32Array(components.length + 1);
  for (let i = 0; i < pairs.length; i += 2) order[componentOf[pairs[i]!]!]!++;
  for (let c = components.length - 1; c > 0; c--) order[c - 1]! += order[c]!;
  const sorted = new Int32Array(values.length);
  for (let i = 0; i < pairs.length; i += 2) sorted[--order[componentOf[pairs[i]!]!]!] = i;
  for (const i of sorted) {
    const from = bits[componentOf[pairs[i]!]!];
    const to = componentOf[pairs[i + 1]!]!;
    if (from === undefined || to === componentOf[pairs[i]!]) continue;
    const target = bitsAt(to);
    for (let w = 0; w < words; w++) target[w]! |= from[w]!;
  }
  const reach = new Map<string, Uint32Array>();
  names.forEach((name, id) => {
    const reached = bits[componentOf[id]!];
    if (reached) reach.set(name, reached);
  });
  return reach;
}

function bitsOf(reach: Map<string, Uint32Array>, file: string, words: number): Uint32Array {
  let bits = reach.get(file);
  if (!bits) reach.set(file, (bits = new Uint32Array(words)));
  return bits;
}

const setBit = (bits: Uint32Array, group: number) => {
  bits[group >> 5] = (bits[group >> 5] ?? 0) | (1 << (group & 31));
};
