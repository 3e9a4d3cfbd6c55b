import type { Edge } from './schema.ts';

/**
 * Groups of files that import each other in a loop: the strongly connected components
 * with more than one file, plus files importing themselves. Largest first.
 */
export function findCycles(edges: readonly Pick<Edge, 'from' | 'to'>[]): string[][] {
  const next = new Map<string, string[]>();
  const selfLoops = new Set<string>();
  for (const { from, to } of edges) {
    if (from === to) selfLoops.add(from);
    let list = next.get(from);
    if (!list) next.set(from, (list = []));
    list.push(to);
  }
  const groups = stronglyConnected(next).filter((group) => group.length > 1 || selfLoops.has(group[0]!));
  for (const group of groups) group.sort();
  return groups.sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

// Iterative Tarjan: recursion would overflow the stack on a 50k-file chain.
function stronglyConnected(next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; child: number }> = [{ node: start, child: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}

/** The shortest loop through the first member of a cycle group, as a path that ends where it starts. */
export function shortestCycle(edges: readonly Pick<Edge, 'from' | 'to'>[], group: readonly string[]): string[] {
  const members = new Set(group);
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!members.has(from) || !members.has(to)) continue;
    let list = next.get(from);
    if (!list) next.set(from, (list = []));
    if (!list.includes(to)) list.push(to);
  }
  const start = group[0]!;
  const parent = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const child of [...(next.get(node) ?? [])].sort()) {
      if (child === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== start && at !== undefined; at = parent.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (parent.has(child)) continue;
      parent.set(child, node);
      queue.push(child);
    }
  }
  return [start, start];
}
