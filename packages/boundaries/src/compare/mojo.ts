import { maximumMatching } from './bipartite-matching.ts';
import { contingency, type Partition } from './partition.ts';

// MoJo (Tzerpos & Holt 1999) with the exact algorithm of Wen & Tzerpos, "An optimal algorithm for
// MoJo distance" (IWPC 2003), and MoJoFM from Wen & Tzerpos, "An effectiveness measure for software
// clustering algorithms" (IWPC 2004). Operations: Move one object to another (possibly new)
// cluster; Join two clusters. Labels are ignored.
//
// mno(A, B): tag each object of A with its B-cluster. Let A have l clusters, A_i hold c_ij objects
// tagged B_j, and max_i = max_j c_ij. Every A_i is put into one group G_j (the B-cluster it will
// become); each group's clusters are joined and every object not tagged with its group is moved:
//   cost(f) = Σ_i (|A_i| − c_i,f(i)) + (l − |groups used|).
// Charging the "+1 for a used group" to one representative per group turns maximising
// Σ c_i,f(i) + |groups| into Σ max_i + a max-weight matching of A- to B-clusters with gain
// c_ij − max_i + 1, which is 1 on the edges where c_ij = max_i and ≤ 0 elsewhere (integers). So the
// max-weight matching is a maximum-cardinality matching g over those max-tag edges, and
//   mno(A, B) = Σ_i (|A_i| − max_i) + l − g          (moves + joins).
// This is also what the MoJo 2.0 reference implementation (MoJoCalculator) computes.
//
// max_mno(B) = max over all A of mno(A, B) = n − g_B (IWPC 2004; "n − l + l − g" in the reference),
// where g_B counts, over B's cluster sizes in ascending order, each size that exceeds the count so
// far: the largest k such that k B-clusters can be ordered with the i-th holding at least i objects.
// MoJoFM(A, B) = (1 − mno(A, B) / max_mno(B)) × 100.
// Both formulas are checked against exhaustive search over all move/join sequences in the tests.

/**
 * Minimum number of Move and Join operations that turn `source` into `target` (mno in
 * Wen & Tzerpos 2003), over the items present in both. Not symmetric; see {@link mojoDistance}.
 */
export function mno(source: Partition, target: Partition): number {
  const table = contingency(source, target);
  let moves = 0;
  const maxTagEdges = table.cells.map((row, i) => {
    let best = 0;
    for (const count of row.values()) best = Math.max(best, count);
    moves += table.rowSizes[i]! - best;
    return [...row].filter(([, count]) => count === best).map(([j]) => j);
  });
  const groups = maximumMatching(maxTagEdges, table.columnSizes.length);
  return moves + table.rowSizes.length - groups;
}

/** MoJo distance (Tzerpos & Holt 1999): min(mno(a, b), mno(b, a)), over the items present in both. */
export function mojoDistance(a: Partition, b: Partition): number {
  return Math.min(mno(a, b), mno(b, a));
}

/**
 * The largest mno(A, target) over every partition A of `target`'s items (or of `items` of them,
 * when given): n − g with g as derived above (Wen & Tzerpos 2004).
 */
export function maxMno(target: Partition, items?: ReadonlySet<string>): number {
  const sizes = new Map<string, number>();
  let n = 0;
  for (const [item, label] of target) {
    if (items && !items.has(item)) continue;
    n++;
    sizes.set(label, (sizes.get(label) ?? 0) + 1);
  }
  let groups = 0;
  for (const size of [...sizes.values()].sort((x, y) => x - y)) if (groups < size) groups++;
  return n - groups;
}

/**
 * MoJoFM (Wen & Tzerpos 2004), 0..100: how close `candidate` is to `truth`,
 * (1 − mno(candidate, truth) / max_mno(truth)) × 100, over the items present in both.
 * 100 means the same clustering; with fewer than two shared items every clustering is the same
 * and the result is 100.
 */
export function mojoFm(truth: Partition, candidate: Partition): number {
  const shared = new Set([...truth.keys()].filter((item) => candidate.has(item)));
  const worst = maxMno(truth, shared);
  if (worst === 0) return 100;
  return (1 - mno(candidate, truth) / worst) * 100;
}
