import { describe, expect, it } from 'vitest';
import { FileGraphBuilder } from '../src/file-graph.ts';
import { consensusRun, type Communities } from '../src/louvain-runs.ts';
import { planRun } from '../src/plan-run.ts';

// A chain a - b - c - d, every tie weight 1: m = 3, degrees a 1, b 2, c 2, d 1 (2m = 6).
const builder = new FileGraphBuilder(['a', 'b', 'c', 'd']);
builder.add('a', 'b', 1);
builder.add('b', 'c', 1);
builder.add('c', 'd', 1);
const chain = builder.build();
const run = (labels: Record<string, number>): Communities => new Map(Object.entries(labels));

// {a b} {c d}: inside 2/3, minus 2 x (3/6)^2 = 0.5: modularity 1/6.
const pairs = run({ a: 0, b: 0, c: 1, d: 1 });
// {a} {b c} {d}: inside 1/3, minus (1 + 16 + 1)/36 = 0.5: modularity -1/6.
const middle = run({ a: 0, b: 1, c: 1, d: 2 });

describe('planRun', () => {
  it('takes the consensus of the better half of the runs by modularity, not of the majority', () => {
    const runs = [middle, middle, middle, pairs, pairs];
    // Plain consensus: the three identical runs agree most with the others.
    expect(consensusRun(runs)).toBe(middle);
    // The better half (3 of 5) is both `pairs` runs and the first `middle`; the two `pairs` agree fully (ARI 1)
    // while `middle` agrees with neither: the first `pairs` run, whatever share of the runs found it.
    expect(planRun(chain, runs, 1)).toBe(pairs);
    expect(planRun(chain, [pairs, middle, middle, middle, pairs], 1)).toBe(pairs);
  });

  it('keeps the consensus when the runs agree', () => {
    const same = run({ a: 5, b: 5, c: 7, d: 7 });
    expect(planRun(chain, [pairs, same, pairs], 1)).toBe(pairs);
  });

  it('ranks the runs once their tiny clusters have joined a neighbour, as refinement will', () => {
    // Two triangles a b c and d e f, bridged by c - d, every tie 1: m = 7, degrees a 2, b 2, c 3, d 3, e 2, f 2.
    const triangles = new FileGraphBuilder(['a', 'b', 'c', 'd', 'e', 'f']);
    for (const [x, y] of ['ab', 'bc', 'ac', 'cd', 'de', 'ef', 'df']) triangles.add(x!, y!, 1);
    const graph = triangles.build();
    // {a b} {c d} {e f}: 3/7 - (16 + 36 + 16)/196 = 0.082. {a b} {c} {d} {e f}: 2/7 - (16 + 9 + 9 + 16)/196 = 0.031.
    const pairsOf = run({ a: 0, b: 0, c: 1, d: 1, e: 2, f: 2 });
    const singles = run({ a: 0, b: 0, c: 1, d: 2, e: 3, f: 3 });
    const runs = [pairsOf, singles, singles, pairsOf, pairsOf];
    // Without merging, the pairs are the better cut, and the majority too.
    expect(planRun(graph, runs, 1)).toBe(pairsOf);
    // With services of 3 files at least, every pair is tiny: {a b} joins {c d} (2 ties), {c d} is tied 2 and 2 and
    // picks the smaller label, {a b}, already its own; {e f} joins {c d}: one service, modularity 0. The singles join
    // their triangle (c is tied 2 to {a b}, 1 to d): {a b c} {d e f}, 6/7 - 2 x 49/196 = 0.357. The better half is
    // both `singles` runs and the first `pairsOf`; the two `singles` agree fully.
    expect(planRun(graph, runs, 3)).toBe(singles);
  });
});
