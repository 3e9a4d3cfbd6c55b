import { describe, expect, it } from 'vitest';
import { FileGraphBuilder, type FileGraph } from '../src/file-graph.ts';
import { groupsOf, mergeTiny, mergeToCount, splitDisconnected, splitToCount } from '../src/refine.ts';

function weighted(edges: Array<[string, string, number]>, lonely: string[] = []): FileGraph {
  const nodes = [...new Set([...lonely, ...edges.flatMap(([a, b]) => [a, b])])];
  const graph = new FileGraphBuilder(nodes);
  for (const [a, b, weight] of edges) graph.add(a, b, weight);
  return graph.build();
}

// Two triangles, a-b-c and d-e-f, joined by one weak edge c-d.
const triangleEdges: Array<[string, string, number]> = [
  ['a', 'b', 1],
  ['b', 'c', 1],
  ['a', 'c', 1],
  ['d', 'e', 1],
  ['e', 'f', 1],
  ['d', 'f', 1],
  ['c', 'd', 0.1],
];

const sorted = (partition: Map<string, string>) =>
  [...groupsOf(partition).values()].map((files) => [...files].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));

const triangles = weighted(triangleEdges);

describe('refinement', () => {
  it('splitDisconnected returns connected services: a cluster in two pieces becomes two', () => {
    const graph = weighted([
      ['a', 'b', 1],
      ['c', 'd', 1],
    ]);
    const result = splitDisconnected(graph, new Map(['a', 'b', 'c', 'd'].map((f) => [f, 'x'])));
    expect(sorted(result)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('mergeTiny sends a tiny service to the neighbour it is most tied to', () => {
    // g weighs 1 towards a (first triangle) and 3 towards d (second): it joins the second.
    const graph = weighted([...triangleEdges, ['g', 'a', 1], ['g', 'd', 3]]);
    const partition = new Map([
      ...['a', 'b', 'c'].map((f): [string, string] => [f, 'one']),
      ...['d', 'e', 'f'].map((f): [string, string] => [f, 'two']),
      ['g', 'tiny'],
    ]);
    const result = mergeTiny(graph, partition, 2);
    expect(result.get('g')).toBe('two');
    expect(sorted(result)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f', 'g'],
    ]);
  });

  it('mergeTiny takes the smallest tiny service first, then by label, and a grown one in its new size', () => {
    // x and y have one file, z two, big four; min size 3. x goes first (1 file, label before y) into y, its only
    // neighbour: y now has 2 files, as z has, and goes first by label, into z (its only neighbour left): z has 4.
    // Taking z first would have sent it to big (2 > 1), leaving x and y apart.
    const graph = weighted([
      ['x1', 'y1', 5],
      ['y1', 'z1', 1],
      ['z1', 'z2', 1],
      ['z2', 'b1', 2],
      ['b1', 'b2', 1],
      ['b2', 'b3', 1],
      ['b3', 'b4', 1],
    ]);
    const partition = new Map([
      ['b1', 'big'],
      ['b2', 'big'],
      ['b3', 'big'],
      ['b4', 'big'],
      ['z1', 'z'],
      ['z2', 'z'],
      ['y1', 'y'],
      ['x1', 'x'],
    ]);
    const result = mergeTiny(graph, partition, 3);
    expect(sorted(result)).toEqual([
      ['b1', 'b2', 'b3', 'b4'],
      ['x1', 'y1', 'z1', 'z2'],
    ]);
    expect(result.get('x1')).toBe('z');
  });

  it('mergeToCount merges the pair with the best modularity gain', () => {
    // Three clusters {a,b}, {c}, {d,e,f}: c is tied to a and b by 2, to d by 0.1; merging c into {a,b} gains most.
    const partition = new Map([
      ['a', '1'],
      ['b', '1'],
      ['c', '2'],
      ['d', '3'],
      ['e', '3'],
      ['f', '3'],
    ]);
    expect(sorted(mergeToCount(triangles, partition, 2))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
  });

  it('splitToCount splits the largest service along its weakest tie to reach exactly N', () => {
    const all = new Map(['a', 'b', 'c', 'd', 'e', 'f'].map((f) => [f, 'x']));
    expect(sorted(splitToCount(triangles, all, 2, 1, 42))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(groupsOf(splitToCount(triangles, all, 5, 1, 42)).size).toBe(5);
  });

  it('splitToCount says why when every service is a single file', () => {
    const singles = new Map([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(() => splitToCount(weighted([['a', 'b', 1]]), singles, 3, 1, 42)).toThrow(
      'only 2 services can be made: every other one is a single file',
    );
  });
});
