export interface LayoutLink {
  from: string;
  to: string;
  weight: number;
}

const ITERATIONS = 300;
/**
 * Node pairs pushed apart over the whole layout: every step costs n²/2 pairs, so a plan of 1,000 services
 * gets 30 steps instead of 300 (with 300 it took 10 s in the browser before the page answered), and one
 * of 8,000 a single step: a map that size is a cloud to search and zoom in, not a picture to read.
 */
const PAIR_BUDGET = 15_000_000;
const MIN_ITERATIONS = 1;

/**
 * Positions for the service nodes: a circle in the given order, then a few hundred steps of a
 * Fruchterman-Reingold spring layout so that services that depend on each other sit together.
 * No randomness, so the same plan always draws the same map (and screenshots stay comparable).
 * Coordinates are unitless; sigma fits them to the viewport.
 */
export function layoutServices(
  ids: readonly string[],
  links: readonly LayoutLink[],
): Map<string, { x: number; y: number }> {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const x = ids.map((_, i) => Math.cos((2 * Math.PI * i) / Math.max(n, 1)));
  const y = ids.map((_, i) => Math.sin((2 * Math.PI * i) / Math.max(n, 1)));
  const springs = undirectedSprings(links, index);
  const k = 2 / Math.sqrt(Math.max(n, 1));
  const iterations = Math.min(ITERATIONS, Math.max(MIN_ITERATIONS, Math.floor(PAIR_BUDGET / ((n * n) / 2))));
  for (let step = 0; step < iterations && n > 1; step++) {
    const temperature = 0.2 * (1 - step / iterations);
    const dx = new Array<number>(n).fill(0);
    const dy = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        // direction() inlined: this loop runs n²/2 times a step, and a tuple per pair was most of its cost.
        const ex = x[i]! - x[j]!;
        const ey = y[i]! - y[j]!;
        const length = Math.hypot(ex, ey);
        const d = length < 1e-9 ? 1e-9 : length;
        const ux = length < 1e-9 ? 1 : ex / length;
        const uy = length < 1e-9 ? 0 : ey / length;
        const push = (k * k) / d;
        dx[i]! += ux * push;
        dy[i]! += uy * push;
        dx[j]! -= ux * push;
        dy[j]! -= uy * push;
      }
    }
    for (const { a, b, strength } of springs) {
      const [ux, uy, d] = direction(x[a]! - x[b]!, y[a]! - y[b]!);
      const pull = ((d * d) / k) * strength;
      dx[a]! -= ux * pull;
      dy[a]! -= uy * pull;
      dx[b]! += ux * pull;
      dy[b]! += uy * pull;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps services without links from drifting off the map.
      dx[i]! -= x[i]! * k * 0.5;
      dy[i]! -= y[i]! * k * 0.5;
      const [ux, uy, d] = direction(dx[i]!, dy[i]!);
      const move = Math.min(d, temperature);
      x[i]! += ux * move;
      y[i]! += uy * move;
    }
  }
  return new Map(ids.map((id, i) => [id, { x: x[i]!, y: y[i]! }]));
}

/** Both directions of a pair make one spring; heavier pairs pull harder, but never more than twice. */
function undirectedSprings(links: readonly LayoutLink[], index: Map<string, number>) {
  const weights = new Map<string, { a: number; b: number; weight: number }>();
  for (const link of links) {
    const from = index.get(link.from);
    const to = index.get(link.to);
    if (from === undefined || to === undefined || from === to) continue;
    const [a, b] = from < to ? [from, to] : [to, from];
    const entry = weights.get(`${a} ${b}`) ?? { a, b, weight: 0 };
    entry.weight += link.weight;
    weights.set(`${a} ${b}`, entry);
  }
  const max = Math.max(1, ...[...weights.values()].map((entry) => entry.weight));
  return [...weights.values()].map(({ a, b, weight }) => ({ a, b, strength: 1 + weight / max }));
}

/** Unit vector and length; coincident points get a fixed nudge instead of a division by zero. */
function direction(dx: number, dy: number): [number, number, number] {
  const d = Math.hypot(dx, dy);
  if (d < 1e-9) return [1, 0, 1e-9];
  return [dx / d, dy / d, d];
}
