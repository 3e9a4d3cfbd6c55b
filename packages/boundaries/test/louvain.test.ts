import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { runLouvain } from '../src/louvain-runs.ts';
import { seededRandom } from '../src/random.ts';

function graphOf(edges: ReadonlyArray<readonly [string, string, number]>): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const [a, b, weight] of edges) {
    graph.mergeNode(a);
    graph.mergeNode(b);
    graph.addEdge(a, b, { weight });
  }
  return graph;
}

/** Groups of a run, as sorted lists of sorted members: labels differ between runs, groups do not. */
function groupsOf(communities: ReadonlyMap<string, number>): string[][] {
  const groups = new Map<number, string[]>();
  for (const [node, label] of communities) groups.set(label, [...(groups.get(label) ?? []), node]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Clumps of a few nodes, dense inside, a few random edges across; weights and sizes from the seed. */
function randomGraph(seed: number, nodes: number): UndirectedGraph {
  const random = seededRandom(seed);
  const graph = new UndirectedGraph();
  const name = (i: number) => `src/f${i}.ts`;
  for (let i = 0; i < nodes; i++) graph.addNode(name(i));
  for (let i = 0; i < nodes; i++)
    for (let j = i + 1; j < nodes; j++) {
      const sameClump = Math.floor(i / 6) === Math.floor(j / 6);
      if (random() < (sameClump ? 0.6 : 0.02)) graph.addEdge(name(i), name(j), { weight: 0.2 + random() * 2 });
    }
  return graph;
}

describe('runLouvain', () => {
  it('finds two triangles joined by one edge', () => {
    // m = 7. Cut at the bridge, each triangle has 3 edges inside and degree 7: Q = 2 x (3/7 - (7/14)^2) = 0.36,
    // against 0 for one community and less for any other cut.
    const graph = graphOf([
      ['a', 'b', 1],
      ['b', 'c', 1],
      ['a', 'c', 1],
      ['d', 'e', 1],
      ['e', 'f', 1],
      ['d', 'f', 1],
      ['c', 'd', 1],
    ]);
    expect(groupsOf(runLouvain(graph, 1, 3))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
  });

  it('gives every node its own community in a graph without edges', () => {
    const graph = new UndirectedGraph();
    for (const node of ['x', 'y', 'z']) graph.addNode(node);
    expect([...runLouvain(graph, 2, 1)]).toEqual([
      ['x', 0],
      ['y', 1],
      ['z', 2],
    ]);
  });

  // The port must move as graphology-communities-louvain moves: the same labels for the same seed, on graphs
  // big enough to zoom out twice or more, at the resolutions a plan uses (and a lone node, a self loop).
  it('agrees label for label with graphology-communities-louvain', () => {
    for (const [seed, nodes] of [
      [1, 40],
      [2, 120],
      [3, 300],
      // With the lone node, 256: the library's queue then stores positions in bytes, and its overflow is kept.
      [4, 255],
    ] as const) {
      const graph = randomGraph(seed, nodes);
      graph.addNode('src/alone.ts');
      graph.addEdge('src/f0.ts', 'src/f0.ts', { weight: 0.5 });
      for (const resolution of [1, 2, 3, 4, 6.75])
        for (const run of [42, 43]) {
          const expected = louvain(graph, { getEdgeWeight: 'weight', resolution, rng: seededRandom(run) });
          expect(Object.fromEntries(runLouvain(graph, resolution, run))).toEqual(expected);
        }
    }
  });
});
