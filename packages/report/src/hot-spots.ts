import type { History } from '@seams/graph';
import { compareCodeUnits } from './code-unit-order.ts';
import type { HotSpot } from './report-model.ts';

/**
 * The hot-spot score, as the Markdown report prints it. A file is a hot spot when it changes a lot
 * AND ties services together: each changed line may ripple into every file of another service that
 * imports it or that it imports, so churn times those files estimates the cross-team work it causes.
 * Churn rather than commits, which count a one-line fix like a rewrite; what makes churn misleading
 * elsewhere, huge commits (mass renames, formatting), the history already leaves out.
 */
export const HOT_SPOT_FORMULA =
  'score = churn × crossing, where churn is lines added plus deleted and crossing the files of other services that import it or that it imports';

/** A top ten fits a review meeting; the rest is in the graph's history. */
export const HOT_SPOT_COUNT = 10;

/**
 * The files of the plan (services and shared kernel) with the highest score; files scoring 0 (no
 * change, or nothing crossing a boundary) are no hot spots. Ties by path.
 */
export function hotSpots(
  history: History,
  pairs: ReadonlyArray<{ from: string; to: string }>,
  serviceOf: ReadonlyMap<string, string>,
  shared: ReadonlySet<string>,
): HotSpot[] {
  const crossing = new Map<string, Set<string>>();
  const cross = (file: string, other: string) => {
    const service = serviceOf.get(other);
    // The shared kernel is in no service: its users count for it, but it counts for none of them.
    if (service === undefined || service === serviceOf.get(file)) return;
    const set = crossing.get(file) ?? new Set<string>();
    crossing.set(file, set.add(other));
  };
  for (const { from, to } of pairs) {
    cross(from, to);
    cross(to, from);
  }
  return history.files
    .filter((file) => serviceOf.has(file.path) || shared.has(file.path))
    .map((file) => {
      const service = serviceOf.get(file.path);
      const count = crossing.get(file.path)?.size ?? 0;
      return {
        path: file.path,
        ...(service !== undefined ? { service } : {}),
        churn: file.churn,
        commits: file.commits,
        crossing: count,
        score: file.churn * count,
      };
    })
    .filter((spot) => spot.score > 0)
    .sort((a, b) => b.score - a.score || compareCodeUnits(a.path, b.path))
    .slice(0, HOT_SPOT_COUNT);
}
