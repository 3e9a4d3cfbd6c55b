import { addPair, type PairWeights, type Signal, type SignalInput } from './signal.ts';

/**
 * Files changed in the same commits belong together: evolutionary (logical) coupling, as in
 * Mazlami et al.'s logical coupling strategy, read from `graph.history` (`seams analyze --history`).
 *
 * A pair's weight is `commits(a, b) / min(commits(a), commits(b))`: the confidence of the rule
 * "when the rarer of the two changes, the other changes too". Raw counts (Mazlami's) would let the
 * few files everybody edits outweigh the rest, as an undamped import count lets a hub do; Jaccard
 * (`both / either`) would call a DTO that only ever changes with its busy service a weak tie, when
 * it is the strongest there is. Support is already filtered: the history keeps pairs changed
 * together in at least two commits, and leaves huge commits (mass renames, formatting) out.
 *
 * Share 0.2, a fifth of imports and paths: history is noisier than structure (a commit mixes a fix
 * with a rename next door, and files that never changed have no say). Measured with `pnpm eval` on
 * the histories of three real NestJS back-ends against their domain folders, 0.5 cost up to 0.07
 * ARI and 0.2 at most 0.006; it tips balances the code leaves open, never overrides the code.
 */
export const cochangeSignal: Signal = {
  name: 'cochange',
  description:
    'evolutionary coupling from git: commits changing both files / commits changing the rarer one (pairs changed together at least twice)',
  share: 0.2,
  isAvailable: (input) => inputPairs(input).length > 0,
  pairs(input) {
    const index = new Map(input.files.map((file, i) => [file, i]));
    const commitsOf = new Map(input.graph.history?.files.map((file) => [file.path, file.commits]));
    const weights: PairWeights = new Map();
    for (const { a, b, commits } of inputPairs(input)) {
      // Capped at 1: a pair's files are always in history.files with at least its commits, but a hand-edited graph may
      // say otherwise.
      const rarer = Math.min(commitsOf.get(a) ?? commits, commitsOf.get(b) ?? commits);
      addPair(weights, index.get(a)!, index.get(b)!, input.files.length, commits / Math.max(rarer, commits));
    }
    return weights;
  },
};

// Only pairs of files being clustered count: a pair with a shared-kernel file says nothing about services.
function inputPairs({ graph, files }: SignalInput) {
  const clustered = new Set(files);
  return (graph.history?.cochange ?? []).filter((pair) => clustered.has(pair.a) && clustered.has(pair.b));
}
