import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { SEAMS_VERSION } from '@seams/graph';
import type { FileFacts } from './facts.ts';

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  facts: FileFacts;
}

export type FactsCache = Map<string, CacheEntry>;

/** What a run leaves for the next one: facts per file, and the finished graph with the fingerprint of its inputs. */
export interface CacheData {
  files: FactsCache;
  graph?: { fingerprint: string; parts: unknown };
}

// Facts change meaning when seams or the parser changes: either one starts a fresh cache.
const parserVersion = (createRequire(import.meta.url)('oxc-parser/package.json') as { version: string }).version;
const CACHE_FILE = `analyze-${SEAMS_VERSION}-oxc${parserVersion}.bin`;

/** Loads the cache; a missing or corrupt cache is an empty one. */
export function loadCache(dir: string): CacheData {
  try {
    const data = deserialize(readFileSync(join(dir, CACHE_FILE))) as CacheData;
    if (data.files instanceof Map) return data;
  } catch {
    // Missing, torn or from another format: start afresh.
  }
  return { files: new Map() };
}

/** Writes the cache atomically, so an interrupted run never leaves a torn file behind. */
export function saveCache(dir: string, cache: CacheData): void {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, CACHE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize(cache));
  renameSync(temporary, target);
}
