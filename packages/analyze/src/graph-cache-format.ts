// The graph cache on disk: a marker, then one structured clone whose arrays of records are columnar
// (columnar.ts). A warm run (`check --changed`, an unchanged tree) reads it before anything else, so it
// must load in milliseconds: a 10k-file graph was 16 MB of cloned objects that took ~0.1 s to read
// plus as much again in garbage collection. Maps in the parts (each file's export table) are only read
// by a partial update after an edit, so they stay serialized until first touched.
import { deserialize, serialize } from 'node:v8';
import { decodeTable, encodeTable, isRecordArray, StringTable, type Earlier, type Table } from './columnar.ts';

/** What the cache holds; `parts` is the analyzer's GraphParts, opaque here. */
export interface GraphCacheValue {
  fingerprint: string;
  stats: Map<string, { size: number; mtimeMs: number }>;
  parts: unknown;
}

// Bumped when the layout below changes; a file without it (an older cache) reads as no cache.
const MARKER = Buffer.from('seams-graph-cache 2\n');

type Section =
  { kind: 'records'; table: Table } | { kind: 'deferred'; bytes: Uint8Array } | { kind: 'value'; value: unknown };

interface Stored {
  fingerprint: string;
  strings: string[];
  statPaths: Uint32Array;
  sizes: Float64Array;
  mtimes: Float64Array;
  parts: Array<[string, Section]>;
}

// The cache read last in this process: a partial update keeps most of its records, whose rows encoding copies.
let lastRead: { strings: readonly string[]; tables: Map<string, Earlier> } | undefined;

export function encodeGraphCache(cache: GraphCacheValue): Buffer {
  const earlier = lastRead;
  const strings = earlier ? StringTable.extending(earlier.strings) : new StringTable();
  const statPaths = new Uint32Array(cache.stats.size);
  const sizes = new Float64Array(cache.stats.size);
  const mtimes = new Float64Array(cache.stats.size);
  let i = 0;
  for (const [path, stat] of cache.stats) {
    statPaths[i] = strings.id(path);
    sizes[i] = stat.size;
    mtimes[i++] = stat.mtimeMs;
  }
  const parts = Object.entries(cache.parts as Record<string, unknown>).map(([key, value]): [string, Section] => [
    key,
    isRecordArray(value)
      ? { kind: 'records', table: encodeTable(value, strings, earlier?.tables.get(key)) }
      : value instanceof Map
        ? { kind: 'deferred', bytes: serialize(value) }
        : { kind: 'value', value },
  ]);
  const stored: Stored = { fingerprint: cache.fingerprint, strings: strings.strings, statPaths, sizes, mtimes, parts };
  return Buffer.concat([MARKER, serialize(stored)]);
}

/** The cache in `bytes`, or undefined when they are not one this code wrote. */
export function decodeGraphCache(bytes: Buffer): GraphCacheValue | undefined {
  if (!bytes.subarray(0, MARKER.length).equals(MARKER)) return undefined;
  const stored = deserialize(bytes.subarray(MARKER.length)) as Stored;
  const { strings } = stored;
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  for (let i = 0; i < stored.statPaths.length; i++)
    stats.set(strings[stored.statPaths[i]!]!, { size: stored.sizes[i]!, mtimeMs: stored.mtimes[i]! });
  const parts: Record<string, unknown> = {};
  const tables = new Map<string, Earlier>();
  for (const [key, section] of stored.parts) {
    if (section.kind === 'records') {
      const records = decodeTable(section.table, strings);
      // A copy of the list (the caller may reorder its own); the records themselves are never changed.
      tables.set(key, { records: records.slice(), table: section.table });
      parts[key] = records;
    } else if (section.kind === 'value') parts[key] = section.value;
    else deferred(parts, key, section.bytes);
  }
  lastRead = { strings, tables };
  return { fingerprint: stored.fingerprint, stats, parts };
}

// Read on first access, then an ordinary property.
function deferred(target: Record<string, unknown>, key: string, bytes: Uint8Array): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value: unknown = deserialize(bytes);
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(value: unknown) {
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}
