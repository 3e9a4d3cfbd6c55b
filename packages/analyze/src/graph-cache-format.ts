// The graph cache on disk: a marker, then one structured clone whose arrays of records are columnar
// (columnar.ts). A warm run (`check --changed`, an unchanged tree) reads it before anything else, so it
// must load in milliseconds: a 10k-file graph was 16 MB of cloned objects that took ~0.1 s to read
// plus as much again in garbage collection. Maps in the parts (each file's export table) are only read
// by a partial update after an edit, so they stay serialized until first touched.
import { deserialize, serialize } from 'node:v8';
import { decodeTable, encodeTable, isRecordArray, StringTable, type Earlier, type Table } from './columnar.ts';

/**
 * What the cache holds; `parts` is the analyzer's GraphParts, `discovered` what discovery found (its `files` stored as
 * string ids) and `git` what git said then, all opaque here.
 */
export interface GraphCacheValue {
  fingerprint: string;
  stats: Map<string, { size: number; mtimeMs: number }>;
  parts: unknown;
  discovered?: { files: string[] };
  git?: unknown;
}

// Bumped when the layout below changes; a file without it (an older cache) reads as no cache.
const MARKER = Buffer.from('seams-graph-cache 4\n');

type Section =
  | { kind: 'records'; table: Table }
  | { kind: 'exports'; table: Table }
  | { kind: 'deferred'; bytes: Uint8Array }
  | { kind: 'value'; value: unknown };

/** Each file's export table (trace-barrels.ts), as the analyzer keeps them: one row per file in the cache. */
interface ExportTable {
  local: ReadonlySet<string>;
  named: ReadonlyMap<string, { target: string | null; importName: string }>;
  stars: ReadonlyArray<string | null>;
}

// Stands for null (a re-export that leaves the graph) in a column of strings: no path or name holds a NUL.
const NONE = '\0';

interface Stored {
  fingerprint: string;
  strings: string[];
  statPaths: Uint32Array;
  sizes: Float64Array;
  mtimes: Float64Array;
  parts: Array<[string, Section]>;
  discovered?: { files: Uint32Array };
  git?: unknown;
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
        ? mapSection(value, strings, earlier?.tables.get(key))
        : { kind: 'value', value },
  ]);
  const discovered = cache.discovered && {
    ...cache.discovered,
    files: Uint32Array.from(cache.discovered.files, (file) => strings.id(file)),
  };
  const stored: Stored = {
    fingerprint: cache.fingerprint,
    strings: strings.strings,
    statPaths,
    sizes,
    mtimes,
    parts,
    ...(discovered ? { discovered } : {}),
    ...(cache.git === undefined ? {} : { git: cache.git }),
  };
  return Buffer.concat([MARKER, serialize(stored)]);
}

function mapSection(value: Map<unknown, unknown>, strings: StringTable, earlier: Earlier | undefined): Section {
  try {
    if (value.size > 0) return { kind: 'exports', table: encodeExportTables(value, strings, earlier) };
  } catch (error) {
    if (!(error instanceof Unfit)) throw error;
  }
  return { kind: 'deferred', bytes: serialize(value) };
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
    else if (section.kind === 'exports')
      // Only a partial update reads them.
      deferred(parts, key, () => {
        const { value, records } = decodeExportTables(section.table, strings);
        tables.set(key, { records, table: section.table });
        return value;
      });
    else deferred(parts, key, () => deserialize(section.bytes));
  }
  lastRead = { strings, tables };
  const discovered = stored.discovered && {
    ...stored.discovered,
    files: Array.from(stored.discovered.files, (id) => strings[id]!),
  };
  return {
    fingerprint: stored.fingerprint,
    stats,
    parts,
    ...(discovered ? { discovered } : {}),
    ...(stored.git === undefined ? {} : { git: stored.git }),
  };
}

// Read on first access, then an ordinary property.
function deferred(target: Record<string, unknown>, key: string, read: () => unknown): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value: unknown = read();
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(value: unknown) {
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

// An export table that does not fit the columns below: the tables are then kept as a structured clone.
class Unfit extends Error {}

// One row per file; the tables the last read gave (unchanged by a partial update) keep their rows. Throws Unfit
// for a value that is not export tables of strings.
function encodeExportTables(tables: Map<unknown, unknown>, strings: StringTable, earlier: Earlier | undefined) {
  const text = (item: unknown): item is string => typeof item === 'string' && item !== NONE;
  const orNone = (item: unknown) => (item === null ? NONE : text(item) ? item : fail());
  const fail = (): never => {
    throw new Unfit();
  };
  const files = [...tables.keys()];
  const items = [...tables.values()] as ExportTable[];
  const fileOf = new Map(items.map((table, i) => [table, files[i]]));
  return encodeTable(items, strings, earlier, (table): ExportRow & Record<string, unknown> => {
    const file = fileOf.get(table);
    if (!text(file)) return fail();
    if (table === null || typeof table !== 'object' || Object.keys(table).join() !== 'local,named,stars') fail();
    const { local, named, stars } = table;
    if (!(local instanceof Set) || !(named instanceof Map) || !Array.isArray(stars)) fail();
    const row: ExportRow = { file, local: [], names: [], targets: [], imports: [], stars: stars.map(orNone) };
    for (const name of local) row.local.push(text(name) ? name : fail());
    for (const [name, to] of named as Map<unknown, { target?: unknown; importName?: unknown } | null>) {
      if (!text(name) || to === null || typeof to !== 'object' || Object.keys(to).join() !== 'target,importName')
        return fail();
      row.names.push(name);
      row.targets.push(orNone(to.target));
      row.imports.push(text(to.importName) ? to.importName : fail());
    }
    return row as ExportRow & Record<string, unknown>;
  });
}

interface ExportRow {
  file: string;
  local: string[];
  names: string[];
  targets: string[];
  imports: string[];
  stars: string[];
}

function decodeExportTables(table: Table, strings: readonly string[]) {
  const value = new Map<string, ExportTable>();
  const records: ExportTable[] = [];
  const orNull = (item: string) => (item === NONE ? null : item);
  for (const row of decodeTable(table, strings)) {
    const { file, local, names, targets, imports, stars } = row as unknown as ExportRow;
    const named = new Map<string, { target: string | null; importName: string }>();
    for (let k = 0; k < names.length; k++)
      named.set(names[k]!, { target: orNull(targets[k]!), importName: imports[k]! });
    for (let k = 0; k < stars.length; k++) if (stars[k] === NONE) (stars as Array<string | null>)[k] = null;
    const exports: ExportTable = { local: new Set(local), named, stars };
    value.set(file, exports);
    records.push(exports);
  }
  return { value, records };
}
