import { describe, expect, it } from 'vitest';
import { callersOf, reachersOf, reachersOfAll, type ServiceLink } from '../src/service-links.ts';

const link = (from: string, to: string): ServiceLink => ({ from, to, weight: 1 });

describe('reachersOfAll', () => {
  // d -> a -> b <-> c -> e, and f alone: b and c form one loop.
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  const links = [link('d', 'a'), link('a', 'b'), link('b', 'c'), link('c', 'b'), link('c', 'e')];

  it('lists who breaks when each service is down, in the given order, itself left out', () => {
    const reachers = reachersOfAll(ids, links);
    expect(Object.fromEntries(ids.map((id) => [id, reachers.get(id)]))).toEqual({
      a: ['d'],
      b: ['a', 'c', 'd'],
      c: ['a', 'b', 'd'],
      d: [],
      e: ['a', 'b', 'c', 'd'],
      f: [],
    });
    // Counted from the bit sets, without making the lists.
    expect(ids.map((id) => reachers.count(id))).toEqual([1, 3, 3, 0, 4, 0]);
  });

  it('agrees with a search per service on a plan with loops inside loops and more than 32 services', () => {
    const many = Array.from({ length: 70 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    const mesh = many.flatMap((id, i) => [
      link(id, many[(i * 7 + 3) % 70]!),
      ...(i % 5 === 0 ? [link(id, many[(i + 1) % 70]!)] : []),
    ]);
    const all = reachersOfAll(many, mesh);
    const callers = callersOf(mesh);
    for (const id of many) {
      expect(all.get(id), id).toEqual(reachersOf(id, callers).sort());
      expect(all.count(id), id).toBe(all.get(id).length);
    }
  });
});
