import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  comparePartitions,
  mojoFm,
  normalizedMutualInformation,
  readTruthTsv,
  type Partition,
} from '../src/compare/index.ts';

/** Items i0, i1, ... labelled by position, as scikit-learn's label arrays. */
const labels = (...values: (number | string)[]): Partition =>
  new Map(values.map((value, i) => [`i${i}`, String(value)]));

describe('adjustedRandIndex', () => {
  it('matches the scikit-learn documentation examples', () => {
    expect(adjustedRandIndex(labels(0, 0, 0, 1, 1, 1), labels(0, 0, 1, 1, 2, 2))).toBeCloseTo(0.24242424242424243, 12);
    expect(adjustedRandIndex(labels(0, 0, 1, 2), labels(0, 0, 1, 1))).toBeCloseTo(0.5714285714285714, 12);
    expect(adjustedRandIndex(labels(0, 0, 1, 1), labels(0, 1, 0, 1))).toBeCloseTo(-0.5, 12);
  });

  it('is 0 for all-in-one against all-singletons, 1 when no pair disagrees', () => {
    expect(adjustedRandIndex(labels(0, 0, 0, 0), labels(0, 1, 2, 3))).toBe(0);
    expect(adjustedRandIndex(labels(0, 0, 0), labels(5, 5, 5))).toBe(1);
    expect(adjustedRandIndex(labels(0, 1, 2), labels(2, 0, 1))).toBe(1);
    expect(adjustedRandIndex(new Map(), new Map())).toBe(1);
  });
});

describe('normalizedMutualInformation (arithmetic mean)', () => {
  it('matches a hand computation: I = (2/3) ln 2, H(U) = ln 2, H(V) = ln 3', () => {
    const expected = (2 * (2 / 3) * Math.log(2)) / (Math.log(2) + Math.log(3)); // 0.515803742979...
    expect(normalizedMutualInformation(labels(0, 0, 0, 1, 1, 1), labels(0, 0, 1, 1, 2, 2))).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.5158037429793888, 12);
  });

  it('is 1 for one shared single cluster and 0 for all-in-one against all-singletons', () => {
    expect(normalizedMutualInformation(labels(0, 0, 0), labels(1, 1, 1))).toBe(1);
    expect(normalizedMutualInformation(labels(0, 0, 0, 0), labels(0, 1, 2, 3))).toBe(0);
    expect(normalizedMutualInformation(labels(0, 1, 2, 3), labels(0, 0, 0, 0))).toBe(0);
    expect(normalizedMutualInformation(labels(0, 1, 2, 3), labels(3, 2, 1, 0))).toBe(1);
  });

  it('is symmetric', () => {
    const a = labels(0, 0, 1, 1, 2, 2, 2);
    const b = labels(0, 1, 1, 1, 2, 2, 0);
    expect(normalizedMutualInformation(a, b)).toBeCloseTo(normalizedMutualInformation(b, a), 12);
  });
});

describe('comparePartitions', () => {
  it('scores identical and relabelled partitions as perfect', () => {
    const truth = labels('orders', 'orders', 'billing', 'billing', 'billing', 'users');
    for (const candidate of [truth, labels(3, 3, 1, 1, 1, 2)]) {
      const agreement = comparePartitions(truth, candidate);
      expect(agreement.items).toBe(6);
      expect(agreement.ari).toBeCloseTo(1, 12);
      expect(agreement.nmi).toBeCloseTo(1, 12);
      expect(agreement.mojoFm).toBeCloseTo(100, 12);
    }
  });

  it('ignores items missing from either side', () => {
    const truth = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
      ['d', 'y'],
      ['only-truth', 'x'],
    ]);
    const candidate = new Map([
      ['d', '2'],
      ['c', '2'],
      ['b', '1'],
      ['a', '1'],
      ['only-candidate', '1'],
    ]);
    expect(comparePartitions(truth, candidate)).toEqual({ items: 4, ari: 1, nmi: 1, mojoFm: 100 });
    expect(adjustedRandIndex(truth, candidate)).toBe(1);
    expect(mojoFm(truth, candidate)).toBe(100);
  });

  it('scores all-in-one against all-singletons as no agreement', () => {
    const agreement = comparePartitions(labels(0, 0, 0, 0), labels(0, 1, 2, 3));
    expect(agreement).toEqual({ items: 4, ari: 0, nmi: 0, mojoFm: 0 });
  });
});

describe('readTruthTsv', () => {
  it('reads path<TAB>label lines, skipping comments and blank lines', () => {
    const text = '# ground truth\n\nsrc/orders/a.ts\torders\r\n  # indented comment\nsrc/billing/b.ts\t billing \n\n';
    expect([...readTruthTsv(text)]).toEqual([
      ['src/orders/a.ts', 'orders'],
      ['src/billing/b.ts', 'billing'],
    ]);
  });

  it('rejects malformed lines and conflicting labels', () => {
    expect(() => readTruthTsv('a.ts orders\n')).toThrow(/line 1/);
    expect(() => readTruthTsv('a.ts\torders\textra\n')).toThrow(/line 1/);
    expect(() => readTruthTsv('a.ts\torders\na.ts\tbilling\n')).toThrow(/line 2.*both orders and billing/);
    expect(readTruthTsv('a.ts\torders\na.ts\torders\n').size).toBe(1);
  });
});
