import { describe, expect, it } from 'vitest';
import { findCycles, shortestCycle } from '@seams/graph';

const edges = (pairs: string) =>
  pairs.split(' ').map((pair) => {
    const [from, to] = pair.split('>');
    return { from: from!, to: to! };
  });

describe('findCycles', () => {
  it('returns nothing for a DAG', () => {
    expect(findCycles(edges('a>b b>c a>c'))).toEqual([]);
  });

  it('finds each strongly connected group, largest first, members sorted', () => {
    expect(findCycles(edges('a>b b>a c>d d>e e>c e>f f>g'))).toEqual([
      ['c', 'd', 'e'],
      ['a', 'b'],
    ]);
  });

  it('reports a file that imports itself', () => {
    expect(findCycles(edges('a>a a>b'))).toEqual([['a']]);
  });

  it('handles a 100k-long chain closing on itself without overflowing the stack', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => ({ from: `f${i}`, to: `f${(i + 1) % 100_000}` }));
    const cycles = findCycles(chain);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(100_000);
  });
});

describe('shortestCycle', () => {
  it('shows the shortest loop through the first member of a group', () => {
    const group = edges('a>b b>c c>a a>d d>a');
    expect(shortestCycle(group, ['a', 'b', 'c', 'd'])).toEqual(['a', 'd', 'a']);
  });

  it('shows a self-import as a one-step loop', () => {
    expect(shortestCycle(edges('a>a'), ['a'])).toEqual(['a', 'a']);
  });
});
