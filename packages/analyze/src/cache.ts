import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { SEAMS_VERSION } from '@seams/graph';
import { FACTS_VERSION, type FileFacts } from './facts.ts';

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

// Facts change meaning when seams, its parse output or the parser changes: any of them starts a fresh cache.
const parserVersion = (createRequire(import.meta.url)('oxc-parser/package.json') as { version: string }).version;
const STAMP = `${SEAMS_VERSION}-facts${FACTS_VERSION}-oxc${parserVersion}`;
const FACTS_FILE = `facts-${STAMP}.bin`;
const GRAPH_FILE = `graph-${STAMP}.bin`;

/** Loads the facts cache; a missing or corrupt one is empty. */
export function loadFacts(dir: string): FactsCache {
  const data = load(join(dir, FACTS_FILE));
  return data instanceof Map ? (data as FactsCache) : new Map();
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

function load(path: string): unknown {
  try {
    return deserialize(readFileSync(path));
  } catch {
    // Missing, torn or from another format: start afresh.
    return undefined;
  }
}

// Atomic: an interrupted run never leaves a torn file behind.
function save(path: string, value: unknown): void {
  mkdirSync(join(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize(value));
  renameSync(temporary, path);
}
