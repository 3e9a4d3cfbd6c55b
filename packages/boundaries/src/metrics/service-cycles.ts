import type { ServiceGraph } from './service-graph.ts';

/**
 * Strongly connected groups of more than one service in the graph of crossing dependencies
 * (Tarjan 1972). Members sorted, largest group first, ties by first member.
 */
export function serviceCycles(graph: ServiceGraph): string[][] {
  const next = new Map<string, Set<string>>();
  for (const service of graph.members.keys()) next.set(service, new Set());
  for (const { fromService, toService } of graph.dependencies) {
    if (fromService !== toService) next.get(fromService)!.add(toService);
  }

  // Iterative, because a baseline plan of one service per file can be tens of thousands deep.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const enter = (service: string) => {
    index.set(service, index.size);
    low.set(service, index.size - 1);
    stack.push(service);
    onStack.add(service);
    return { service, targets: next.get(service)!.values() };
  };
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work = [enter(start)];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const step = frame.targets.next();
      if (!step.done) {
        const target = step.value;
        if (!index.has(target)) work.push(enter(target));
        else if (onStack.has(target)) low.set(frame.service, Math.min(low.get(frame.service)!, index.get(target)!));
        continue;
      }
      work.pop();
      const { service } = frame;
      const parent = work[work.length - 1];
      if (parent) low.set(parent.service, Math.min(low.get(parent.service)!, low.get(service)!));
      if (low.get(service) !== index.get(service)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== service);
      if (group.length > 1) groups.push(group.sort());
    }
  }
  return groups.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
}
