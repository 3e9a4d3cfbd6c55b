import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { SEAMS_VERSION } from '@seams/graph';
import type { CachedDiscovery, GitSnapshot } from './discover-from-git.ts';
import type { FileFacts } from './facts.ts';
import { decodeGraphCache, encodeGraphCache, encodeGraphDelta } from './graph-cache-format.ts';

interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  facts: FileFacts;
}

/** Facts per file, for re-using what did not change. */
export type FactsCache = Map<string, CacheEntry>;

/** The last finished graph, with what it was built from: valid while the fingerprint and every file's stat match. */
export interface GraphCache {
  fingerprint: string;
  stats: Map<string, { size: number; mtimeMs: number }>;
  parts: unknown;
  /** What discovery found, for a run that learns from git which files changed instead of walking the tree. */
  discovered?: CachedDiscovery;
  /** What git said about the tree when the graph was made; absent outside git. */
  git?: GitSnapshot;
}

// Cached facts and graphs mean what the code that made them meant: a new seams, a new parser or any
// edit to this code (a rebuilt bundle, a changed source file) starts a fresh cache.
const parserVersion = (createRequire(import.meta.url)('oxc-parser/package.json') as { version: string }).version;
// Taken on first use, not on loading: a run with --no-cache never stats the code files.
let stamp: string | undefined;
const cacheFile = (kind: 'facts' | 'graph' | 'graphdelta' | 'inputs') =>
  `${kind}-${(stamp ??= `${SEAMS_VERSION}-oxc${parserVersion}-${codeStamp(dirname(fileURLToPath(import.meta.url)))}`)}.bin`;

// The Cache Directory Tagging standard (bford.info/cachedir): backup tools skip the folder, and its
// presence is how seams knows the folder is its own, so that only there it deletes stale files.
const TAG_FILE = 'CACHEDIR.TAG';
const TAG = 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by seams.\n';
// Used when the folder asked for already holds files seams did not write.
const OWN_SUBFOLDER = 'seams-cache';
// Writing a cache file takes seconds: an older temporary is a killed run's.
const LEFTOVER_AGE_MS = 10 * 60 * 1000;

/**
 * The folder the cache lives in: `dir` itself when seams made it (tagged) or may make it (absent or
 * empty), else its `seams-cache` subfolder, so that cleaning never touches a file seams did not write.
 */
export function cacheFolder(dir: string): string {
  if (isOwn(dir)) return dir;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return dir;
  }
  return entries.length === 0 ? dir : join(dir, OWN_SUBFOLDER);
}

/**
 * Tags the default folder, `<root>/.seams/cache`, as seams' own: documented as seams' cache, it holds
 * only what seams wrote, also when an older seams wrote it untagged.
 */
export function claimCacheFolder(dir: string): void {
  if (isOwn(dir)) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, TAG_FILE), TAG);
}

function isOwn(dir: string): boolean {
  try {
    return readFileSync(join(dir, TAG_FILE), 'utf8') === TAG;
  } catch {
    return false;
  }
}

/**
 * Creates `<root>/.seams` when absent, with a `.gitignore` of `*`: what seams keeps there (the cache,
 * saved graphs) is the machine's, not the project's, and must not show up as untracked files.
 */
export function createSeamsFolder(root: string): void {
  const folder = join(root, '.seams');
  if (existsSync(folder)) return;
  mkdirSync(folder);
  writeFileSync(join(folder, '.gitignore'), '# Created by seams: nothing here belongs in git.\n*\n');
}

/** Loads the facts cache; a missing or corrupt one is empty. */
export function loadFacts(dir: string): FactsCache {
  const data = load<unknown>(join(dir, cacheFile('facts')), deserialize);
  const empty: FactsCache = new Map();
  return data instanceof Map ? (data as FactsCache) : empty;
}

/** Loads the graph cache, kept apart from the facts so an unchanged tree reads only this smaller file. */
export function loadGraph(dir: string): GraphCache | undefined {
  // Written by this very code (the file name holds its stamp): its `discovered` and `git` are what it saved.
  // A partial update since then wrote what it changed beside it (a delta).
  const delta = load(join(dir, cacheFile('graphdelta')), (bytes) => bytes);
  const path = join(dir, cacheFile('graph'));
  return load(path, (bytes) => decodeGraphCache(bytes, delta, path)) as GraphCache | undefined;
}

export function saveFacts(dir: string, facts: FactsCache): void {
  save(join(dir, cacheFile('facts')), serialize(facts));
}

/**
 * Writes what changed since the graph read from this folder (a delta) when it can, else the whole graph; a delta
 * left beside an older whole graph names that one, and is dropped.
 */
export function saveGraph(dir: string, graph: GraphCache): void {
  const path = join(dir, cacheFile('graph'));
  const delta = encodeGraphDelta(graph, path);
  if (delta) return save(join(dir, cacheFile('graphdelta')), delta);
  save(path, encodeGraphCache(graph));
  for (const name of readdirSync(dir))
    if (name.startsWith('graphdelta-') && name.endsWith('.bin')) rmSync(join(dir, name), { force: true });
}

/**
 * An input file (a plan, a baseline) that passed validation with this code: the hash of its bytes and the
 * warnings validation gave. Same bytes, same code: the same answer, so a warm `check` need not validate again.
 */
export interface ValidatedInput {
  hash: string;
  warnings: string[];
}

/** The inputs validated last, by kind ('plan', 'baseline'); empty when missing or unreadable. */
export function loadValidatedInputs(dir: string): Map<string, ValidatedInput> {
  const data = load<unknown>(join(dir, cacheFile('inputs')), deserialize);
  const inputs = new Map<string, ValidatedInput>();
  if (!(data instanceof Map)) return inputs;
  for (const [kind, input] of data as Map<unknown, Partial<ValidatedInput> | null>) {
    const { hash, warnings } = input ?? {};
    if (typeof kind === 'string' && typeof hash === 'string' && Array.isArray(warnings) && warnings.every(isText))
      inputs.set(kind, { hash, warnings });
  }
  return inputs;
}

const isText = (value: unknown): value is string => typeof value === 'string';

export function saveValidatedInputs(dir: string, inputs: ReadonlyMap<string, ValidatedInput>): void {
  save(join(dir, cacheFile('inputs')), serialize(inputs));
}

// Names, sizes and mtimes of the code files beside this one (the analyzer's sources, or the bundle's chunks).
function codeStamp(dir: string): string {
  const hash = createHash('sha1');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.[jt]s$/.test(entry.name)) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}:${size}:${mtimeMs}\n`);
      }
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 12);
}

function load<T>(path: string, decode: (bytes: Buffer) => T): T | undefined {
  try {
    return decode(readFileSync(path));
  } catch {
    // Missing, torn or from another format: start afresh.
    return undefined;
  }
}

// Atomic: an interrupted run never leaves a torn file behind. In its own (tagged) folder only, caches of
// other code versions and temporaries of killed runs are dropped.
function save(path: string, bytes: Uint8Array): void {
  const dir = join(path, '..');
  if (!isOwn(dir)) {
    if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} holds files seams did not write`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, TAG_FILE), TAG);
  }
  const kind = path.slice(dir.length + 1).split('-')[0]!;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${kind}-`) || path.endsWith(`/${name}`)) continue;
    if (name.endsWith('.bin') || (/\.bin\.\d+\.tmp$/.test(name) && isOld(join(dir, name))))
      rmSync(join(dir, name), { force: true });
  }
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function isOld(path: string): boolean {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats !== undefined && Date.now() - stats.mtimeMs > LEFTOVER_AGE_MS;
}
