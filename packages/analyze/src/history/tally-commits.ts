import type { CoChange, FileHistory } from '@seams/graph';
import type { LogCommit } from './parse-log.ts';

interface FileCount {
  commits: number;
  churn: number;
  authors: Map<string, number>;
}

/** Counts commits per analysed file and per pair of analysed files changed together. */
export class Tally {
  read = 0;
  skipped = 0;
  /** Committer dates of the oldest and newest commit read, Unix seconds. */
  oldest: number | undefined;
  newest: number | undefined;
  /** Authors of the counted changes to analysed files: email -> the names they committed under. */
  readonly authors = new Map<string, Set<string>>();
  // Files are numbered in sorted order, so a pair is one number and sorting numbers sorts by (a, b).
  readonly #paths: string[];
  readonly #indexOf: Map<string, number>;
  readonly #maxFilesPerCommit: number;
  readonly #counts = new Map<number, FileCount>();
  readonly #pairs = new Map<number, number>();

  constructor(analysed: readonly string[], maxFilesPerCommit: number) {
    this.#paths = [...new Set(analysed)].sort(byCodeUnit);
    this.#indexOf = new Map(this.#paths.map((path, i) => [path, i]));
    this.#maxFilesPerCommit = maxFilesPerCommit;
  }

  add(commit: LogCommit): void {
    this.read++;
    if (this.oldest === undefined || commit.time < this.oldest) this.oldest = commit.time;
    if (this.newest === undefined || commit.time > this.newest) this.newest = commit.time;
    if (commit.changes.length > this.#maxFilesPerCommit) {
      this.skipped++;
      return;
    }
    const touched = new Set<number>();
    for (const { path, lines } of commit.changes) {
      const index = this.#indexOf.get(path);
      if (index === undefined) continue;
      const count = this.#counts.get(index) ?? { commits: 0, churn: 0, authors: new Map<string, number>() };
      this.#counts.set(index, count);
      count.churn += lines;
      if (touched.has(index)) continue;
      touched.add(index);
      count.commits++;
      count.authors.set(commit.email, (count.authors.get(commit.email) ?? 0) + 1);
    }
    if (touched.size === 0) return;
    this.authors.set(commit.email, (this.authors.get(commit.email) ?? new Set()).add(commit.name));
    // O(k^2) for k analysed files, and k is at most maxFilesPerCommit.
    const sorted = [...touched].sort((x, y) => x - y);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = sorted[i]! * this.#paths.length + sorted[j]!;
        this.#pairs.set(key, (this.#pairs.get(key) ?? 0) + 1);
      }
    }
  }

  /** Changed analysed files, by path. */
  files(): FileHistory[] {
    return [...this.#counts]
      .sort(([x], [y]) => x - y)
      .map(([index, count]) => ({
        path: this.#paths[index]!,
        commits: count.commits,
        churn: count.churn,
        authors: Object.fromEntries([...count.authors].sort(([x], [y]) => byCodeUnit(x, y))),
      }));
  }

  /** Pairs changed together at least twice, most often first, then by (a, b). */
  cochange(): CoChange[] {
    const size = this.#paths.length;
    return [...this.#pairs]
      .filter(([, commits]) => commits >= 2)
      .sort(([keyX, x], [keyY, y]) => y - x || keyX - keyY)
      .map(([key, commits]) => ({ a: this.#paths[Math.floor(key / size)]!, b: this.#paths[key % size]!, commits }));
  }
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
