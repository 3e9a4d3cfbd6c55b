import { describe, expect, it } from 'vitest';
import { pairKey, type Signal } from '../src/signals/index.ts';
import { combineSignals } from '../src/weighted-graph.ts';
import { handGraph } from './hand-graph.ts';

/** A signal giving fixed pairs (file indices and raw weights), in the order listed. */
function fixed(name: string, share: number, pairs: Array<[number, number, number]>): Signal {
  return {
    name,
    description: name,
    share,
    isAvailable: () => true,
    pairs: () => new Map(pairs.map(([i, j, weight]) => [pairKey(i, j, 4), weight])),
  };
}

describe('combineSignals', () => {
  const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'];
  const input = { graph: handGraph(files, []), files, dependencies: [] };

  it('sums each pair over the signals, one edge per pair in the order the pairs first came', () => {
    // Each signal is scaled to share x 4 files over its total: first 1 x 4 / (1 + 3) = 1, second 0.5 x 4 / 4 = 0.5.
    const first = fixed('first', 1, [
      [2, 3, 1],
      [0, 1, 3],
    ]);
    const second = fixed('second', 0.5, [
      [1, 2, 2],
      [3, 2, 2],
    ]);
    const { graph, contributions } = combineSignals(input, [first, second]);
    const edges: Array<[string, string, number]> = [];
    graph.forEachEdge((a, b, weight) => edges.push([a, b, weight]));
    // c-d: 1 x 1 + 2 x 0.5 = 2; a-b: 3 x 1 = 3; b-c: 2 x 0.5 = 1. The smaller index is the edge's source.
    expect(edges).toEqual([
      ['c.ts', 'd.ts', 2],
      ['a.ts', 'b.ts', 3],
      ['b.ts', 'c.ts', 1],
    ]);
    expect(contributions).toEqual({ first: 1, second: 0.5 });
  });

  it('leaves out a signal with no weight', () => {
    const { graph, contributions } = combineSignals(input, [fixed('empty', 1, []), fixed('one', 1, [[0, 3, 5]])]);
    expect(graph.size).toBe(1);
    expect(graph.weight('a.ts', 'd.ts')).toBe(4);
    expect(contributions).toEqual({ empty: 0, one: 1 });
  });
});
