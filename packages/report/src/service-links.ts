import { compareCodeUnits } from './code-unit-order.ts';

export interface ServiceLink {
  from: string;
  to: string;
  weight: number;
}

/**
 * Service -> service weights: how many file pairs cross from one service into another.
 * Files outside every service (the shared kernel, unassigned files) drop out, as in the plan's metrics.
 */
export function serviceLinks(
  pairs: ReadonlyArray<{ from: string; to: string }>,
  serviceOf: ReadonlyMap<string, string>,
): ServiceLink[] {
  const weights = new Map<string, ServiceLink>();
  for (const pair of pairs) {
    const from = serviceOf.get(pair.from);
    const to = serviceOf.get(pair.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}\0${to}`;
    const link = weights.get(key) ?? { from, to, weight: 0 };
    link.weight++;
    weights.set(key, link);
  }
  return [...weights.values()].sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to));
}

/** Service -> the services with a link into it: built once, then walked by `reachersOf` for every service. */
export function callersOf(links: readonly ServiceLink[]): Map<string, string[]> {
  const callers = new Map<string, string[]>();
  for (const { from, to } of links) {
    const list = callers.get(to);
    if (list) list.push(from);
    else callers.set(to, [from]);
  }
  return callers;
}

/** Every service that reaches `target` by following links (`callersOf` them), `target` itself excluded. */
export function reachersOf(target: string, callers: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>([target]);
  const queue = [target];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const caller of callers.get(next) ?? []) {
      if (seen.has(caller)) continue;
      seen.add(caller);
      queue.push(caller);
    }
  }
  seen.delete(target);
  return [...seen];
}
