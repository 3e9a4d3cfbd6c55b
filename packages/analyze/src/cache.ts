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

// Facts change meaning when seams or the parser changes: either one starts a fresh cache.
const parserVersion = (createRequire(import.meta.url)('oxc-parser/package.json') as { version: string }).version;
const CACHE_FILE = `analyze-${SEAMS_VERSION}-oxc${parserVersion}.bin`;

/** Loads the per-file facts cache; a missing or corrupt cache is an empty one. */
export function loadCache(dir: string): FactsCache {
  try {
    return deserialize(readFileSync(join(dir, CACHE_FILE))) as FactsCache;
  } catch {
    return new Map();
  }
}

/** Writes the cache atomically, so an interrupted run never leaves a torn file behind. */
export function saveCache(dir: string, cache: FactsCache): void {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, CACHE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize(cache));
  renameSync(temporary, target);
}
