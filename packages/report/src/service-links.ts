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

/** Who reaches each service: how many, and on request the list, in `ids` order (itself excluded). */
export interface Reachers {
  count(id: string): number;
  get(id: string): string[];
}

/**
 * `reachersOf` for every service at once. Services in one strongly connected component are reached by
 * the same services, so each component's reachers are found once, from the components its callers are
 * in, as a bit set over `ids`; a search per service took minutes on plans of thousands of services with
 * one big loop. Counts come from the bit sets; a list is only made when asked for (a list per service
 * held millions of names on such plans).
 */
export function reachersOfAll(ids: readonly string[], links: readonly ServiceLink[]): Reachers {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const callers: number[][] = ids.map(() => []);
  for (const { from, to } of links) {
    const f = index.get(from);
    const t = index.get(to);
    if (f !== undefined && t !== undefined && f !== t) callers[t]!.push(f);
  }
  const words = Math.ceil(n / 32);
  const reach: Uint32Array[] = [];
  const componentOf = new Int32Array(n).fill(-1);
  for (const members of componentsAlongCallers(callers)) {
    const c = reach.length;
    const bits = new Uint32Array(words);
    for (const v of members) componentOf[v] = c;
    for (const v of members) {
      bits[v >>> 5]! |= 1 << (v & 31);
      for (const u of callers[v]!) {
        const other = componentOf[u]!;
        if (other === c) continue;
        const theirs = reach[other]!;
        for (let w = 0; w < words; w++) bits[w]! |= theirs[w]!;
      }
    }
    reach.push(bits);
  }
  const counts = reach.map((bits) => {
    let count = 0;
    for (let w = 0; w < words; w++) for (let word = bits[w]!; word !== 0; word &= word - 1) count++;
    return count;
  });
  // A component's bit set holds its own members: the service itself is taken out.
  return {
    count: (id) => {
      const v = index.get(id);
      return v === undefined ? 0 : counts[componentOf[v]!]! - 1;
    },
    get: (id) => {
      const v = index.get(id);
      if (v === undefined) return [];
      const bits = reach[componentOf[v]!]!;
      const list: string[] = [];
      for (let w = 0; w < words; w++)
        for (let word = bits[w]!; word !== 0; word &= word - 1) {
          const u = w * 32 + (31 - Math.clz32(word & -word));
          if (u !== v) list.push(ids[u]!);
        }
      return list;
    },
  };
}

/**
 * Tarjan's strongly connected components of the graph whose edges go from a service to its callers,
 * iteratively (a loop of thousands of services would overflow the stack). A component comes out after
 * every component its callers are in, which is the order `reachersOfAll` fills them in.
 */
function componentsAlongCallers(callers: readonly number[][]): number[][] {
  const n = callers.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const frames: Array<[node: number, next: number]> = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames.at(-1)!;
      const [v, next] = frame;
      if (next < callers[v]!.length) {
        frame[1]++;
        const u = callers[v]![next]!;
        if (order[u] === -1) {
          order[u] = low[u] = counter++;
          stack.push(u);
          onStack[u] = 1;
          frames.push([u, 0]);
        } else if (onStack[u]) low[v] = Math.min(low[v]!, order[u]!);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames.at(-1)![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === order[v]) {
        const members: number[] = [];
        let u: number;
        do {
          u = stack.pop()!;
          onStack[u] = 0;
          members.push(u);
        } while (u !== v);
        components.push(members);
      }
    }
  }
  return components;
}
