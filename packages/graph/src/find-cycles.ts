import type { Edge } from './schema.ts';

/**
 * Groups of files that import each other in a loop: the strongly connected components
 * with more than one file, plus files importing themselves. Largest first.
 */
export function findCycles(edges: readonly Pick<Edge, 'from' | 'to'>[]): string[][] {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.push(name) - 1;
      ids.set(name, id);
    }
    return id;
  };
  const pairs = new Int32Array(edges.length * 2);
  const selfLoops = new Set<number>();
  edges.forEach(({ from, to }, i) => {
    pairs[2 * i] = idOf(from);
    pairs[2 * i + 1] = idOf(to);
    if (from === to) selfLoops.add(pairs[2 * i]!);
  });
  const groups = stronglyConnected(names.length, pairs).filter((group) => group.length > 1 || selfLoops.has(group[0]!));
  const named = groups.map((group) => group.map((id) => names[id]!).sort());
  return named.sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

/**
 * Strongly connected components of a graph on ids 0..count-1 given as (from, to) pairs: iterative Tarjan over
 * CSR arrays (recursion would overflow on a 50k-file chain, string maps cost). A component comes out after every
 * component it reaches: the list is in reverse topological order.
 */
export function stronglyConnected(count: number, pairs: Int32Array): number[][] {
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < pairs.length; i += 2) offsets[pairs[i]! + 1]!++;
  for (let i = 0; i < count; i++) offsets[i + 1]! += offsets[i]!;
  const targets = new Int32Array(pairs.length / 2);
  const fill = offsets.slice(0, count);
  for (let i = 0; i < pairs.length; i += 2) targets[fill[pairs[i]!]!++] = pairs[i + 1]!;

  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const cursor = new Int32Array(count);
  const stack: number[] = [];
  const work: number[] = [];
  const groups: number[][] = [];
  let counter = 0;
  for (let start = 0; start < count; start++) {
    if (index[start] !== -1) continue;
    work.push(start);
    index[start] = low[start] = counter++;
    cursor[start] = offsets[start]!;
    stack.push(start);
    onStack[start] = 1;
    while (work.length > 0) {
      const node = work[work.length - 1]!;
      if (cursor[node]! < offsets[node + 1]!) {
        const child = targets[cursor[node]!++]!;
        if (index[child] === -1) {
          index[child] = low[child] = counter++;
          cursor[child] = offsets[child]!;
          stack.push(child);
          onStack[child] = 1;
          work.push(child);
        } else if (onStack[child]) {
          low[node] = Math.min(low[node]!, index[child]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[node]!);
      if (low[node] === index[node]) {
        const group: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          group.push(member);
        } while (member !== node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** The shortest loop through the first member of a cycle group, as a path that ends where it starts. */
export function shortestCycle(edges: readonly Pick<Edge, 'from' | 'to'>[], group: readonly string[]): string[] {
  return shortestCycles(edges, [group])[0]!;
}

/** shortestCycle of each group, reading the edges once (a 10k-file graph has ~60k). */
export function shortestCycles(
  edges: readonly Pick<Edge, 'from' | 'to'>[],
  groups: ReadonlyArray<readonly string[]>,
): string[][] {
  const groupOf = new Map<string, number>();
  groups.forEach((group, i) => group.forEach((file) => groupOf.set(file, i)));
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const group = groupOf.get(from);
    if (group === undefined || groupOf.get(to) !== group) continue;
    let list = next.get(from);
    if (!list) next.set(from, (list = []));
    if (!list.includes(to)) list.push(to);
  }
  return groups.map((group) => loopFrom(group[0]!, next));
}

function loopFrom(start: string, next: ReadonlyMap<string, readonly string[]>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const child of [...(next.get(node) ?? [])].sort()) {
      if (child === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== start && at !== undefined; at = parent.get(at))
          path.splice(1, 0, at);
        return [...path, start];
      }
      if (parent.has(child)) continue;
      parent.set(child, node);
      queue.push(child);
    }
  }
  return [start, start];
}
