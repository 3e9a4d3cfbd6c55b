import type { History } from '@seams/graph';
import { ownersOf, readCodeowners } from './codeowners.ts';
import { locateRepo, readLog } from './git-log.ts';
import { byCodeUnit, Tally } from './tally-commits.ts';

export interface ReadHistoryOptions {
  /** The analysed folder, absolute; it may be a subfolder of the git repository. */
  root: string;
  /** The analysed files, relative to root: changes to any other file are ignored. */
  files: readonly string[];
  /** Newest commits to read at most (default 5000). */
  maxCommits?: number;
  /** Oldest commits to read, as git takes it: '12 months ago', '2025-01-01'. */
  since?: string;
  /** Commits changing more files are mass renames or formatting: counted as skipped, otherwise ignored (default 50). */
  maxFilesPerCommit?: number;
  /** Team -> the people in it, by git author email or name. */
  teams?: Record<string, string[]>;
}

/**
 * What git says about the analysed files: commits, churn and authors per file, owners by
 * CODEOWNERS, and the pairs of files that change together. Reads `git log` once.
 * `commits` counts the commits that changed a file with an analysed extension under root,
 * `skipped` included; `maxFilesPerCommit` applies to that same count of files.
 */
export function readHistory(options: ReadHistoryOptions): History {
  const maxFilesPerCommit = options.maxFilesPerCommit ?? 50;
  const repo = locateRepo(options.root);
  const tally = new Tally(options.files, maxFilesPerCommit);
  const query = { pathspecs: pathspecsOf(options.files), maxCommits: options.maxCommits ?? 5000, since: options.since };
  if (options.files.length > 0) readLog(options.root, query, (commit) => tally.add(commit));
  const rules = readCodeowners(repo.top);
  return {
    commits: tally.read,
    skipped: tally.skipped,
    ...(tally.oldest === undefined ? {} : { since: isoDate(tally.oldest) }),
    ...(tally.newest === undefined ? {} : { until: isoDate(tally.newest) }),
    maxFilesPerCommit,
    files: tally.files().map((file) => {
      const owners = ownersOf(rules, repo.prefix + file.path);
      return owners ? { ...file, owners } : file;
    }),
    cochange: tally.cochange(),
    ...(options.teams ? { teams: teamsOf(options.teams, tally.authors) } : {}),
  };
}

// Only files with an analysed extension are asked for: git then skips diffing lockfiles, snapshots
// and translations, which on real repositories is most of its time (16 s -> 1.3 s on ghostfolio).
function pathspecsOf(files: readonly string[]): string[] {
  const specs = new Set<string>();
  for (const file of files) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    // Without the `:(literal)` magic a `*` also crosses `/`: `*.ts` is every .ts file below root.
    specs.add(dot > 0 ? `*${name.slice(dot)}` : `:(literal)${file}`);
  }
  return [...specs].sort(byCodeUnit);
}

/** Author email -> team, for the authors in this history; the first team listing someone wins. */
function teamsOf(teams: Record<string, string[]>, authors: Map<string, Set<string>>): Record<string, string> {
  const teamOf = new Map<string, string>();
  for (const [team, people] of Object.entries(teams)) {
    for (const person of people) if (!teamOf.has(person.toLowerCase())) teamOf.set(person.toLowerCase(), team);
  }
  const out: Array<[string, string]> = [];
  for (const [email, names] of authors) {
    const team = teamOf.get(email) ?? [...names].map((name) => teamOf.get(name.toLowerCase())).find(Boolean);
    if (team) out.push([email, team]);
  }
  return Object.fromEntries(out.sort(([x], [y]) => byCodeUnit(x, y)));
}

function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
