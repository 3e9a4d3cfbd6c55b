import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { SEAMS_VERSION } from '@seams/graph';
import type { FileFacts } from './facts.ts';

export interface CacheEntry {
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
}

// Cached facts and graphs mean what the code that made them meant: a new seams, a new parser or any
// edit to this code (a rebuilt bundle, a changed source file) starts a fresh cache.
const parserVersion = (createRequire(import.meta.url)('oxc-parser/package.json') as { version: string }).version;
const STAMP = `${SEAMS_VERSION}-oxc${parserVersion}-${codeStamp(dirname(fileURLToPath(import.meta.url)))}`;
const FACTS_FILE = `facts-${STAMP}.bin`;
const GRAPH_FILE = `graph-${STAMP}.bin`;

/** Loads the facts cache; a missing or corrupt one is empty. */
export function loadFacts(dir: string): FactsCache {
  const data = load(join(dir, FACTS_FILE));
  const empty: FactsCache = new Map();
  return data instanceof Map ? (data as FactsCache) : empty;
}

/** Loads the graph cache, kept apart from the facts so an unchanged tree reads only this smaller file. */
export function loadGraph(dir: string): GraphCache | undefined {
  const data = load(join(dir, GRAPH_FILE)) as GraphCache | undefined;
  return data && typeof data.fingerprint === 'string' && data.stats instanceof Map ? data : undefined;
}

export function saveFacts(dir: string, facts: FactsCache): void {
  save(join(dir, FACTS_FILE), facts);
}

export function saveGraph(dir: string, graph: GraphCache): void {
  save(join(dir, GRAPH_FILE), graph);
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

function load(path: string): unknown {
  try {
    return deserialize(readFileSync(path));
  } catch {
    // Missing, torn or from another format: start afresh.
    return undefined;
  }
}

// Atomic: an interrupted run never leaves a torn file behind. Caches of other code versions are dropped.
function save(path: string, value: unknown): void {
  const dir = join(path, '..');
  mkdirSync(dir, { recursive: true });
  const kind = path.slice(dir.length + 1).split('-')[0]!;
  for (const name of readdirSync(dir))
    if (name.startsWith(`${kind}-`) && name.endsWith('.bin') && !path.endsWith(`/${name}`))
      rmSync(join(dir, name), { force: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize(value));
  renameSync(temporary, path);
}
