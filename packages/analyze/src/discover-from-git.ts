// `check --changed` runs in a pre-commit hook: walking and stat'ing a 10k-file tree to learn that 20 files
// changed took ~0.12 s, a third of the run. Git knows already (its index holds the stat of every tracked file,
// and it lists untracked files in C, in a few ms). A file can differ from the cached graph only if its content
// differs from the commit the graph was compared with, now or when the graph was made, or if git does not see
// it: those files are stat'ed, no other. Anything that may change the file list (a new source file, a deleted
// one, a changed .gitignore) sends the run back to the walk.
import { execFile } from 'node:child_process';
import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadGraph, type GraphCache } from './cache.ts';
import { affectsDiscovery, type DiscoverOptions, type Discovered } from './discover-files.ts';

const execFileAsync = promisify(execFile);

/** Discovery's result as cached, with the options it ran with (other globs, another file list). */
export interface CachedDiscovery extends Discovered {
  options: string;
}

/**
 * What git said when a graph was cached. `watched` holds every file whose content may differ from commit `base`:
 * those git reported changed or untracked, and those git does not see at all (ignored by git's own exclude files
 * but not by the .gitignore files seams reads, inside a nested repository, marked assume-unchanged or
 * skip-worktree). Only names that may matter to discovery are kept (`affectsDiscovery`).
 */
export interface GitSnapshot {
  base: string;
  watched: string[];
  /** Watched files discovery did not take (ignored by seams, build output), with size and mtime. */
  undiscovered: Array<[path: string, size: number, mtimeMs: number]>;
}

/** What was learnt from git: the cached file list, stats updated where git says a file may have changed. */
export interface GitDiscovery {
  discovered: CachedDiscovery;
  stats: GraphCache['stats'];
  git: GitSnapshot;
  /** True when git named files the snapshot did not watch yet: it must be saved even if no stat changed. */
  grew: boolean;
}

/**
 * What git says changed against commit `ref`: `git diff --name-only -z --no-renames --relative <ref>` (renames off,
 * so a renamed file shows as its old path deleted and its new one added) and `git ls-files -z --others
 * --exclude-standard`, run in `root`. A caller that asks git anyway (check --changed) passes its answers.
 */
export interface GitChanges {
  ref: string;
  changed: Promise<readonly string[]>;
  untracked: Promise<readonly string[]>;
}

/** Asks git what changed against `ref` in `root`; both commands start at once and run beside the caller. */
function gitChanges(root: string, ref = 'HEAD'): GitChanges {
  const changes = { ref, changed: names(root, diffAgainst(ref)), untracked: names(root, UNTRACKED) };
  // Awaited later, or never when there is no cache to compare with: not an unhandled rejection meanwhile.
  changes.changed.catch(() => undefined);
  changes.untracked.catch(() => undefined);
  return changes;
}

/** The options discovery depends on, as a key: a cached file list serves only the same ones. */
export const discoveryKey = (options: DiscoverOptions): string =>
  JSON.stringify([options.include ?? null, options.exclude ?? null, options.gitignore !== false]);

/**
 * The root's real path, the cached graph, and what git says changed since it was made; `discovery` is undefined
 * when only a walk can tell (no cache or snapshot, not in git, a file added or removed). Undefined when the root
 * cannot be resolved: the walk reports why.
 */
export async function changesFromGit(
  requested: string,
  cacheDirOf: (root: string) => string,
  options: DiscoverOptions,
  told: GitChanges | undefined,
): Promise<{ root: string; cacheDir: string; previous: GraphCache | undefined; discovery?: GitDiscovery } | undefined> {
  let root: string;
  try {
    root = realpathSync(requested);
  } catch {
    return undefined;
  }
  // Git works while the cache loads.
  const changes = told ?? gitChanges(root);
  const commit = git(root, ['rev-parse', '--verify', '--quiet', `${changes.ref}^{commit}`]).then((out) => out.trim());
  commit.catch(() => undefined);
  const cacheDir = cacheDirOf(root);
  const previous = loadGraph(cacheDir);
  const discovery = previous
    ? await discoverFromGit(root, previous, discoveryKey(options), changes, commit)
    : undefined;
  return { root, cacheDir, previous, ...(discovery ? { discovery } : {}) };
}

async function discoverFromGit(
  root: string,
  previous: GraphCache,
  key: string,
  changes: GitChanges,
  commit: Promise<string>,
): Promise<GitDiscovery | undefined> {
  const { git: snapshot, discovered } = previous;
  if (!snapshot || !discovered || discovered.options !== key) return undefined;
  let reported: string[];
  try {
    const [oid, changed, untracked] = await Promise.all([commit, changes.changed, changes.untracked]);
    // A file that differs from the snapshot's commit now differs from `ref`'s commit or between the two commits.
    const between = oid === snapshot.base ? [] : await names(root, diffAgainst(snapshot.base, oid));
    reported = [...changed, ...untracked, ...between];
  } catch {
    return undefined;
  }
  const watched = new Set(snapshot.watched);
  for (const path of reported) if (affectsDiscovery(path)) watched.add(path);
  const listed = new Set([
    ...discovered.configFiles,
    ...discovered.packageJsons,
    ...discovered.dataSchemas,
    ...discovered.irregularConfigs,
  ]);
  const undiscovered = new Map(snapshot.undiscovered.map(([path, size, mtimeMs]) => [path, { size, mtimeMs }]));
  const stats = new Map(previous.stats);
  for (const path of watched) {
    const stat = lstatOf(join(root, path));
    if (stat === 'unreadable') return undefined;
    if (stats.has(path) || listed.has(path)) {
      // Listed by discovery: still a regular file (its stat shows an edit; configuration is in the fingerprint).
      if (!stat?.isFile()) return undefined;
      if (stats.has(path)) stats.set(path, { size: stat.size, mtimeMs: stat.mtimeMs });
      continue;
    }
    const before = undiscovered.get(path);
    if (path === '.gitignore' || path.endsWith('/.gitignore')) {
      // Its rules decide what is discovered: only the one the walk read, unchanged, keeps the file list.
      if (!before || !stat?.isFile() || stat.size !== before.size || stat.mtimeMs !== before.mtimeMs) return undefined;
    } else if (stat && !(before && stat.isFile())) return undefined; // New here: only a walk knows if it is source.
  }
  return {
    discovered,
    stats,
    git: { ...snapshot, watched: [...watched] },
    grew: watched.size > snapshot.watched.length,
  };
}

/**
 * What git says of the tree at `root` right after a walk found `discovered`: undefined outside a git work tree,
 * without a commit, or without git (then every run walks).
 */
export async function snapshotGit(root: string, discovered: Discovered): Promise<GitSnapshot | undefined> {
  let head: string, changed: string[], listed: string[];
  try {
    [head, changed, listed] = await Promise.all([
      git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).then((out) => out.trim()),
      names(root, diffAgainst('HEAD')),
      // "H path" is a tracked file, "? path" an untracked one; any other tag (S skip-worktree, lowercase
      // assume-unchanged, M unmerged) is a file whose changes git may not report.
      names(root, ['ls-files', '-z', '-v', '--cached', '--others', '--exclude-standard']),
    ]);
  } catch {
    return undefined;
  }
  const watched = new Set(changed.filter(affectsDiscovery));
  const tracked = new Set<string>();
  for (const entry of listed) {
    const path = entry.slice(2);
    if (entry.startsWith('H ')) tracked.add(path);
    else if (affectsDiscovery(path)) watched.add(path);
  }
  const found = [
    ...discovered.files,
    ...discovered.configFiles,
    ...discovered.packageJsons,
    ...discovered.dataSchemas,
    ...discovered.irregularConfigs,
  ];
  // Files seams reads that git does not see: only their stat can tell they changed.
  for (const path of found) if (!tracked.has(path)) watched.add(path);
  const taken = new Set(found);
  const undiscovered: GitSnapshot['undiscovered'] = [];
  for (const path of watched) {
    if (taken.has(path)) continue;
    const stat = lstatOf(join(root, path));
    if (stat && stat !== 'unreadable' && stat.isFile()) undiscovered.push([path, stat.size, stat.mtimeMs]);
  }
  return { base: head, watched: [...watched], undiscovered };
}

// Renames off: a renamed file must show as its old path deleted and its new path added.
const diffAgainst = (...commits: string[]) => [
  'diff',
  '--name-only',
  '-z',
  '--no-renames',
  '--no-ext-diff',
  '--relative',
  ...commits,
  '--',
];
const UNTRACKED = ['ls-files', '-z', '--others', '--exclude-standard'];

async function git(root: string, args: string[]): Promise<string> {
  // No optional locks: a pre-commit hook runs while `git commit` holds the index.
  const env = { ...process.env, GIT_OPTIONAL_LOCKS: '0' };
  return (await execFileAsync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env })).stdout;
}

// NUL-separated: git quotes names with newlines or non-ASCII otherwise.
async function names(root: string, args: string[]): Promise<string[]> {
  return (await git(root, args)).split('\0').filter(Boolean);
}

function lstatOf(path: string): Stats | undefined | 'unreadable' {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : 'unreadable';
  }
}
