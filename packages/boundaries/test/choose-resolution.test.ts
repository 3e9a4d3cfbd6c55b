import { describe, expect, it } from 'vitest';
import { chooseResolution } from '../src/choose-resolution.ts';
import { FileGraphBuilder, type FileGraph } from '../src/file-graph.ts';

/** `count` separate cliques of `size` files, every edge weight 1. */
function cliques(count: number, size: number): FileGraph {
  const nodes = Array.from({ length: count * size }, (_, i) => `c${Math.floor(i / size)}/f${i % size}`);
  const graph = new FileGraphBuilder(nodes);
  for (let c = 0; c < count; c++)
    for (let a = 0; a < size; a++) for (let b = 0; b < a; b++) graph.add(`c${c}/f${a}`, `c${c}/f${b}`, 1);
  return graph.build();
}

describe('chooseResolution', () => {
  it('takes the finest candidate when the graph holds its domains there', () => {
    // Six 4-cliques: k = 3, 2m = 72. At resolution 4 a file joining a clique-mate gains 1 - 4 x 9 / 72 = 0.5 > 0,
    // and more as the community grows: the cliques come out whole on every seed, with resolution 2's modularity.
    const chosen = chooseResolution(cliques(6, 4), 7);
    expect(chosen.resolution).toBe(4);
    expect(chosen.tried).toEqual([{ resolution: 4, stability: 1, modularity: expect.closeTo(5 / 6, 6) }]);
    expect(chosen.runs).toHaveLength(3);
  });

  it('steps back when the finer resolution cuts through the domains', () => {
    // Three 5-cliques: k = 4, 2m = 60. At 4 a lone file gains 1 - 4 x 16 / 60 < 0 by joining anyone: every file
    // stays alone, modularity -15 x (4/60)^2 = -0.067 against 2/3. At 3 the gain is 1 - 3 x 16 / 60 = 0.2 > 0: whole.
    const chosen = chooseResolution(cliques(3, 5), 7);
    expect(chosen.resolution).toBe(3);
    expect(chosen.tried.map((t) => [t.resolution, Math.round(t.modularity * 1000) / 1000])).toEqual([
      [4, -0.067],
      [3, 0.667],
    ]);
  });
});
