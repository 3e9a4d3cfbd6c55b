import { describe, expect, it } from 'vitest';
import { maxMno, mno, mojoDistance, mojoFm, type Partition } from '../src/compare/index.ts';
import { seededRandom } from '../src/random.ts';

/** Items i0, i1, ... labelled by position, as scikit-learn's label arrays. */
const labels = (...values: (number | string)[]): Partition =>
  new Map(values.map((value, i) => [`i${i}`, String(value)]));

describe('mno, maxMno and mojoFm', () => {
  const truth = labels('x', 'x', 'x', 'y', 'y', 'y'); // {0,1,2} {3,4,5}

  it('counts moves and joins by hand: move i2 into {i0,i1}, join {i3} and {i4,i5}', () => {
    const candidate = labels('a', 'a', 'b', 'b', 'c', 'c');
    expect(mno(candidate, truth)).toBe(2);
    expect(maxMno(truth)).toBe(4); // sizes 3,3: g = 2, n - g = 4
    expect(mojoFm(truth, candidate)).toBeCloseTo(50, 12);
    expect(mno(truth, candidate)).toBe(2); // split {i2} off, move i3 over
    expect(mojoDistance(candidate, truth)).toBe(2);
  });

  it('uses an optimal matching where tied tags make the first choice wrong', () => {
    // {i0,i2} ties between x and y; taking x for it leaves {i1} to be joined (2 operations),
    // the matching gives it y instead: one move of i0 into {i1}.
    const target = labels('x', 'x', 'y');
    const source = labels('a', 'b', 'a');
    expect(mno(source, target)).toBe(1);
    expect(mno(source, target)).toBe(bruteForceMno(source, target));
  });

  it('gives n - 1 as the worst case for all-in-one and all-singletons truths', () => {
    expect(maxMno(labels(0, 0, 0, 0, 0))).toBe(4);
    expect(maxMno(labels(0, 1, 2, 3, 4))).toBe(4);
    expect(mojoFm(labels(0, 0, 0, 0, 0), labels(0, 1, 2, 3, 4))).toBe(0);
    expect(mojoFm(labels(0, 1, 2, 3, 4), labels(0, 0, 0, 0, 0))).toBe(0);
    expect(mojoFm(labels(0), labels(1))).toBe(100);
  });
});

// Brute force: breadth-first search over every sequence of Move and Join operations.

/** Canonical form of a partition of items 0..n-1: restricted growth string of cluster numbers. */
function canonical(clusterOf: readonly number[]): string {
  const renumber = new Map<number, number>();
  return clusterOf.map((c) => renumber.get(c) ?? (renumber.set(c, renumber.size), renumber.size - 1)).join(',');
}

function neighbours(key: string): string[] {
  const clusterOf = key.split(',').map(Number);
  const clusters = new Set(clusterOf);
  const fresh = Math.max(...clusterOf) + 1;
  const out: string[] = [];
  clusterOf.forEach((from, item) => {
    for (const to of [...clusters, fresh]) {
      if (to === from) continue;
      out.push(canonical(clusterOf.map((c, k) => (k === item ? to : c))));
    }
  });
  for (const a of clusters)
    for (const b of clusters) if (a < b) out.push(canonical(clusterOf.map((c) => (c === b ? a : c))));
  return out;
}

/** Move/Join distances from one partition to every partition of the same items. */
function distancesFrom(start: string): Map<string, number> {
  const distance = new Map([[start, 0]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    for (const next of neighbours(current)) {
      if (distance.has(next)) continue;
      distance.set(next, distance.get(current)! + 1);
      queue.push(next);
    }
  }
  return distance;
}

function keyOf(partition: Partition, items: readonly string[]): string {
  const labelNumber = new Map<string, number>();
  return canonical(
    items.map((item) => {
      const label = partition.get(item)!;
      if (!labelNumber.has(label)) labelNumber.set(label, labelNumber.size);
      return labelNumber.get(label)!;
    }),
  );
}

function bruteForceMno(source: Partition, target: Partition): number {
  const items = [...source.keys()];
  return distancesFrom(keyOf(source, items)).get(keyOf(target, items))!;
}

/** Every set partition of n items, as canonical keys. */
function allPartitions(n: number): string[] {
  let strings: number[][] = [[]];
  for (let k = 0; k < n; k++) {
    strings = strings.flatMap((s) => {
      const next = s.length === 0 ? 0 : Math.max(...s) + 1;
      return Array.from({ length: next + 1 }, (_, c) => [...s, c]);
    });
  }
  return strings.map((s) => s.join(','));
}

const partitionOf = (key: string, names: readonly string[], prefix: string): Partition =>
  new Map(key.split(',').map((c, k) => [names[k]!, `${prefix}${c}`]));

describe('MoJo against brute force', () => {
  it('mno and maxMno are exact for every pair of partitions of up to 5 items', () => {
    for (let n = 1; n <= 5; n++) {
      const names = Array.from({ length: n }, (_, k) => `f${k}`);
      const all = allPartitions(n);
      const worst = new Map(all.map((key) => [key, 0]));
      for (const sourceKey of all) {
        const distance = distancesFrom(sourceKey);
        const source = partitionOf(sourceKey, names, 'a');
        for (const targetKey of all) {
          const d = distance.get(targetKey)!;
          expect(mno(source, partitionOf(targetKey, names, 'b')), `${sourceKey} -> ${targetKey}`).toBe(d);
          worst.set(targetKey, Math.max(worst.get(targetKey)!, d));
        }
      }
      for (const [targetKey, d] of worst) expect(maxMno(partitionOf(targetKey, names, 'b')), targetKey).toBe(d);
    }
  });

  it('mno, maxMno and mojoFm agree with brute force on 6-item partitions (seeded random pairs)', () => {
    const all = allPartitions(6);
    const table = new Map(all.map((key) => [key, distancesFrom(key)])); // 203 searches
    const distance = (from: string, to: string) => table.get(from)!.get(to)!;
    const farthest = new Map(all.map((to) => [to, Math.max(...all.map((from) => distance(from, to)))]));
    // Seeded, so failures reproduce.
    const random = seededRandom(20040901);
    const pick = () => all[Math.floor(random() * all.length)]!;
    for (let round = 0; round < 300; round++) {
      // Shuffled item order and arbitrary labels: the fast path must not depend on either.
      const names = ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts', 'f.ts'].sort(() => random() - 0.5);
      const sourceKey = pick();
      const targetKey = pick();
      const source = partitionOf(sourceKey, names, `s${round}-`);
      const target = partitionOf(targetKey, names, 'svc-');
      const d = distance(sourceKey, targetKey);
      expect(mno(source, target), `${sourceKey} -> ${targetKey}`).toBe(d);
      expect(mojoFm(target, source)).toBeCloseTo((1 - d / farthest.get(targetKey)!) * 100, 12);
    }
    const names = ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts', 'f.ts'];
    for (const [targetKey, d] of farthest) expect(maxMno(partitionOf(targetKey, names, 'b')), targetKey).toBe(d);
    // 203 exhaustive searches: about 2 s alone, past vitest's 5 s on a loaded machine.
  }, 30_000);
});
