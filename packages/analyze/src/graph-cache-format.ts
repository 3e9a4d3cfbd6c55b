// The graph cache on disk: a marker, then structured clones (a small head, then the parts) whose arrays of
// records are columnar (columnar.ts). A warm run (`check --changed`, an unchanged tree) reads it before anything
// else, so it must load in milliseconds: a 10k-file graph was 16 MB of cloned objects that took ~0.1 s to read
// plus as much again in garbage collection. Maps in the parts (each file's export table) are only read
// by a partial update after an edit, so they stay serialized until first touched. A partial update writes
// what it changed beside the cache (a delta), which reading applies.
import { randomUUID } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import {
  applyChanges,
  decodeRow,
  decodeTable,
  encodeChanges,
  encodeTable,
  isRecordArray,
  StringTable,
  type Column,
  type Earlier,
  type Table,
} from './columnar.ts';

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
const MARKER = Buffer.from('seams-graph-cache 5\n');
const DELTA_MARKER = Buffer.from('seams-graph-delta 5\n');
// A delta larger than this share of its base is not worth reading beside it: the whole cache is written again.
const DELTA_SHARE = 0.25;

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

/**
 * The file: the marker, the byte length of the head, the head, then the parts. The head tells whether anything
 * changed (stats, what discovery and git found); the parts are read only when asked for, so that a partial update
 * parses the changed files first: the parser's first use reserves a 6 GiB buffer, and V8 answers that external
 * memory with a full garbage collection, which cost ~50 ms with the 10k-file graph in the heap and ~2 ms before it.
 */
interface Stored {
  /** Names this very file, for the delta written after it. */
  id: string;
  fingerprint: string;
  strings: string[];
  statPaths: Uint32Array;
  sizes: Float64Array;
  mtimes: Float64Array;
  discovered?: { files: Uint32Array };
  git?: unknown;
}

type StoredParts = Array<[string, Section]>;

/**
 * After a partial update, what changed since the whole cache was written, in a file beside it: writing the 10k-file
 * cache again took ~0.2 s of a 0.6 s `check --changed`, writing this few milliseconds. Reading applies it to the
 * cache it names (`base`); a later partial update writes a new delta against the same cache, until the delta would
 * be too large: then the whole cache is written again.
 */
interface StoredDelta {
  base: string;
  fingerprint: string;
  /** Strings the delta's tables use, their ids following the base's. */
  strings: string[];
  /** The stats that differ from the base's: their rows there, sizes and mtimes. */
  statRows: Uint32Array;
  sizes: Float64Array;
  mtimes: Float64Array;
  parts: Array<[string, DeltaSection]>;
  /** What discovery found, its files left out (the base's, unchanged). */
  discovered?: object;
  git?: unknown;
}

type DeltaSection =
  | { kind: 'records'; runs: Int32Array; added: Table }
  /** Export tables replaced since the base (a row per file). */
  | { kind: 'exports'; replaced: Table }
  | { kind: 'value'; value: unknown };

// The whole cache read last in this process: a partial update keeps most of its records, whose rows encoding copies
// (or which a delta names by row).
let lastRead:
  | {
      id: string;
      /** Where the cache was read from (the caller's name for it): a delta is written only beside it. */
      source: string | undefined;
      bytes: number;
      strings: readonly string[];
      tables: Map<string, Earlier>;
      statPaths: Uint32Array;
      sizes: Float64Array;
      mtimes: Float64Array;
      discovered: readonly string[] | undefined;
    }
  | undefined;

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
    id: randomUUID(),
    fingerprint: cache.fingerprint,
    strings: strings.strings,
    statPaths,
    sizes,
    mtimes,
    ...(discovered ? { discovered } : {}),
    ...(cache.git === undefined ? {} : { git: cache.git }),
  };
  const head = serialize(stored);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  return Buffer.concat([MARKER, length, head, serialize(parts)]);
}

function mapSection(value: Map<unknown, unknown>, strings: StringTable, earlier: Earlier | undefined): Section {
  // Tables read from the cache: rows nobody replaced are copied as they are, without decoding them.
  if (value instanceof LazyExportTables && value.strings === lastRead?.strings) {
    const kept = value.keeping();
    try {
      if (kept) return { kind: 'exports', table: encodeExportTables(kept.tables, strings, kept.earlier) };
    } catch (error) {
      // A placeholder to encode (no row to copy): encoded below from the tables themselves, all decoded.
      if (!(error instanceof Unfit)) throw error;
    }
  }
  try {
    if (value.size > 0) return { kind: 'exports', table: encodeExportTables(value, strings, earlier) };
  } catch (error) {
    if (!(error instanceof Unfit)) throw error;
  }
  return { kind: 'deferred', bytes: serialize(value) };
}

/**
 * What changed since the whole cache read last in this process (from `source`), as a delta to write beside it;
 * undefined when a delta cannot say it (no cache read from there, export tables not read from it, another file
 * list) or would be too large.
 */
export function encodeGraphDelta(cache: GraphCacheValue, source?: string): Buffer | undefined {
  const base = lastRead;
  if (!base || base.source !== source || cache.stats.size !== base.statPaths.length) return undefined;
  const files = cache.discovered?.files;
  if (files ? !sameList(files, base.discovered) : base.discovered) return undefined;
  const statRows: number[] = [];
  const sizes: number[] = [];
  const mtimes: number[] = [];
  let i = 0;
  for (const [path, { size, mtimeMs }] of cache.stats) {
    if (base.strings[base.statPaths[i]!] !== path) return undefined;
    if (size !== base.sizes[i] || mtimeMs !== base.mtimes[i]) {
      statRows.push(i);
      sizes.push(size);
      mtimes.push(mtimeMs);
    }
    i++;
  }
  const strings = new StringTable(base.strings.length);
  const parts: StoredDelta['parts'] = [];
  for (const [key, value] of Object.entries(cache.parts as Record<string, unknown>)) {
    let section: DeltaSection | undefined;
    if (isRecordArray(value)) {
      const earlier = base.tables.get(key);
      const changes = earlier && encodeChanges(value, strings, earlier);
      section = changes && { kind: 'records', ...changes };
    } else if (value instanceof Map) {
      const replaced = value instanceof LazyExportTables && value.strings === base.strings && value.replacedTables();
      try {
        section = replaced
          ? { kind: 'exports', replaced: encodeExportTables(replaced, strings, undefined) }
          : undefined;
      } catch (error) {
        if (!(error instanceof Unfit)) throw error;
      }
    } else section = { kind: 'value', value };
    if (!section) return undefined;
    parts.push([key, section]);
  }
  const stored: StoredDelta = {
    base: base.id,
    fingerprint: cache.fingerprint,
    strings: strings.strings,
    statRows: Uint32Array.from(statRows),
    sizes: Float64Array.from(sizes),
    mtimes: Float64Array.from(mtimes),
    parts,
    ...(cache.discovered ? { discovered: withoutFiles(cache.discovered) } : {}),
    ...(cache.git === undefined ? {} : { git: cache.git }),
  };
  const bytes = Buffer.concat([DELTA_MARKER, serialize(stored)]);
  return bytes.length <= base.bytes * DELTA_SHARE ? bytes : undefined;
}

function withoutFiles({ files: _files, ...rest }: { files: string[] }): object {
  return rest;
}

function sameList(list: readonly string[], other: readonly string[] | undefined): boolean {
  if (list === other) return true;
  if (!other || list.length !== other.length) return false;
  for (let i = 0; i < list.length; i++) if (list[i] !== other[i]) return false;
  return true;
}

/**
 * The cache in `bytes` (with the delta in `deltaBytes` applied when it was written after them), or undefined when
 * they are not one this code wrote. A delta written after another cache (since replaced) is left out.
 */
export function decodeGraphCache(bytes: Buffer, deltaBytes?: Buffer, source?: string): GraphCacheValue | undefined {
  if (!bytes.subarray(0, MARKER.length).equals(MARKER)) return undefined;
  const headEnd = MARKER.length + 4 + bytes.readUInt32LE(MARKER.length);
  const stored = deserialize(bytes.subarray(MARKER.length + 4, headEnd)) as Stored;
  let delta: StoredDelta | undefined;
  if (deltaBytes?.subarray(0, DELTA_MARKER.length).equals(DELTA_MARKER)) {
    delta = deserialize(deltaBytes.subarray(DELTA_MARKER.length)) as StoredDelta;
    if (delta.base !== stored.id) delta = undefined;
  }
  const { strings } = stored;
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  for (let i = 0; i < stored.statPaths.length; i++)
    stats.set(strings[stored.statPaths[i]!]!, { size: stored.sizes[i]!, mtimeMs: stored.mtimes[i]! });
  if (delta)
    for (let k = 0; k < delta.statRows.length; k++)
      stats.set(strings[stored.statPaths[delta.statRows[k]!]!]!, { size: delta.sizes[k]!, mtimeMs: delta.mtimes[k]! });
  const discoveredFiles = stored.discovered && Array.from(stored.discovered.files, (id) => strings[id]!);
  // Filled when the parts are read.
  const tables = new Map<string, Earlier>();
  lastRead = {
    id: stored.id,
    source,
    bytes: bytes.length,
    strings,
    tables,
    statPaths: stored.statPaths,
    sizes: stored.sizes,
    mtimes: stored.mtimes,
    discovered: discoveredFiles,
  };
  const discovered = stored.discovered && {
    ...stored.discovered,
    ...(delta?.discovered ?? {}),
    files: discoveredFiles!,
  };
  const git = delta ? delta.git : stored.git;
  const value: GraphCacheValue = {
    fingerprint: delta?.fingerprint ?? stored.fingerprint,
    stats,
    parts: undefined,
    ...(discovered ? { discovered } : {}),
    ...(git === undefined ? {} : { git }),
  };
  deferred(value as unknown as Record<string, unknown>, 'parts', () =>
    decodeParts(deserialize(bytes.subarray(headEnd)) as StoredParts, strings, tables, delta),
  );
  return value;
}

function decodeParts(
  stored: StoredParts,
  strings: readonly string[],
  tables: Map<string, Earlier>,
  delta: StoredDelta | undefined,
): Record<string, unknown> {
  const parts: Record<string, unknown> = {};
  const sections = new Map(stored);
  for (const [key, section] of stored)
    if (section.kind === 'records') {
      const records = decodeTable(section.table, strings);
      // A copy of the list (the caller may reorder its own); the records themselves are never changed.
      tables.set(key, { records: records.slice(), table: section.table });
      if (!delta) parts[key] = records;
    } else if (delta) continue;
    else if (section.kind === 'value') parts[key] = section.value;
    else if (section.kind === 'exports')
      // Only a partial update reads them, and only the tables of the files it re-traces.
      parts[key] = new LazyExportTables(section.table, strings);
    else deferred(parts, key, () => deserialize(section.bytes));
  if (!delta) return parts;
  // The parts the delta lists, in its order: each the base's with the changes applied, or a value of its own.
  const all = strings.concat(delta.strings);
  for (const [key, change] of delta.parts) {
    const section = sections.get(key);
    if (change.kind === 'value') parts[key] = change.value;
    else if (change.kind === 'records' && section?.kind === 'records')
      parts[key] = applyChanges(tables.get(key)!.records, decodeTable(change.added, all), change.runs);
    else if (change.kind === 'exports' && section?.kind === 'exports') {
      const replaced = decodeTable(change.replaced, all).map((row) => {
        const table = decodeExportRow(row as unknown as ExportRow);
        return [row.file as string, table] as const;
      });
      parts[key] = new LazyExportTables(section.table, strings, replaced);
    } else
      // encodeGraphDelta writes only changes to the base's own sections.
      throw new Error(`the graph cache's delta does not fit its base (${key})`);
  }
  return parts;
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

function decodeExportRow(row: ExportRow): ExportTable {
  const { local, names, targets, imports, stars } = row;
  const orNull = (item: string) => (item === NONE ? null : item);
  const named = new Map<string, { target: string | null; importName: string }>();
  for (let k = 0; k < names.length; k++) named.set(names[k]!, { target: orNull(targets[k]!), importName: imports[k]! });
  return { local: new Set(local), named, stars: stars.map(orNull) };
}

/**
 * Each file's export table as the cache holds them (a row per file), decoded when first asked for: a partial
 * update re-traces the barrels of a few files and needs only their tables, and which files re-export a changed
 * one (`reexporters`, read from the columns). Any other use (iterating, size) decodes all rows first, in order.
 */
class LazyExportTables extends Map<string, ExportTable> {
  readonly strings: readonly string[];
  private readonly table: Table;
  private rowOf: Map<string, number> | undefined;
  private readonly decoded = new Map<number, ExportTable>();
  private readonly replaced = new Map<string, ExportTable | undefined>();
  private loaded = false;

  constructor(table: Table, strings: readonly string[], replaced: Iterable<readonly [string, ExportTable]> = []) {
    super();
    this.table = table;
    this.strings = strings;
    for (const [file, value] of replaced) this.replaced.set(file, value);
  }

  /** The tables set since the rows were written, when no use decoded them all (and none was removed). */
  replacedTables(): Map<string, ExportTable> | undefined {
    if (this.loaded) return undefined;
    const tables = new Map<string, ExportTable>();
    for (const [file, table] of this.replaced) {
      if (!table) return undefined;
      tables.set(file, table);
    }
    return tables;
  }

  override get(file: string): ExportTable | undefined {
    if (this.loaded) return super.get(file);
    if (this.replaced.has(file)) return this.replaced.get(file);
    const row = this.rows().get(file);
    return row === undefined ? undefined : this.row(row);
  }

  override has(file: string): boolean {
    if (this.loaded) return super.has(file);
    return this.replaced.has(file) ? this.replaced.get(file) !== undefined : this.rows().has(file);
  }

  override set(file: string, table: ExportTable): this {
    if (this.loaded) super.set(file, table);
    else this.replaced.set(file, table);
    return this;
  }

  override delete(file: string): boolean {
    this.load();
    return super.delete(file);
  }

  override clear(): void {
    this.load();
    super.clear();
  }

  override get size(): number {
    this.load();
    return super.size;
  }

  override forEach(callback: (value: ExportTable, key: string, map: Map<string, ExportTable>) => void, self?: unknown) {
    this.load();
    super.forEach(callback, self);
  }

  override entries(): MapIterator<[string, ExportTable]> {
    this.load();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.load();
    return super.keys();
  }

  override values(): MapIterator<ExportTable> {
    this.load();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, ExportTable]> {
    return this.entries();
  }

  /** For every file, the files whose tables re-export from it (by name or `export *`), from the rows' columns. */
  reexporters(): Map<string, string[]> {
    const index = new Map<string, string[]>();
    const add = (target: string | null, file: string) => {
      if (target === null || target === NONE) return;
      const files = index.get(target);
      if (files) files.push(file);
      else index.set(target, [file]);
    };
    if (this.loaded) {
      for (const [file, table] of super.entries()) addAll(table, file, add);
      return index;
    }
    const { columns, count } = this.table;
    const files = columns.file as Extract<Column, { kind: 'string' }>;
    for (let row = 0; row < count; row++) {
      const file = this.strings[files.values[row]!]!;
      if (this.replaced.has(file)) continue;
      for (const key of ['targets', 'stars']) {
        const column = columns[key];
        if (column?.kind !== 'strings') continue;
        for (let k = column.offsets[row]!, end = column.offsets[row + 1]!; k < end; k++)
          add(this.strings[column.values[k]!]!, file);
      }
    }
    for (const [file, table] of this.replaced) if (table) addAll(table, file, add);
    return index;
  }

  /**
   * The tables in row order (replaced ones in their place, new ones after) with the rows they can keep, when no
   * use decoded them all: undecoded rows stand as placeholders the encoder copies.
   */
  keeping(): { tables: Map<string, ExportTable>; earlier: Earlier } | undefined {
    if (this.loaded) return undefined;
    const files = this.table.columns.file as Extract<Column, { kind: 'string' }>;
    const records: ExportTable[] = [];
    const tables = new Map<string, ExportTable>();
    for (let row = 0; row < this.table.count; row++) {
      // An empty object stands for a row not decoded: the encoder copies its row, and would refuse to encode it.
      const record = this.decoded.get(row) ?? ({} as ExportTable);
      records.push(record);
      const file = this.strings[files.values[row]!]!;
      const table = this.replaced.has(file) ? this.replaced.get(file) : record;
      if (table) tables.set(file, table);
    }
    for (const [file, table] of this.replaced) if (table && !tables.has(file)) tables.set(file, table);
    return { tables, earlier: { records, table: this.table } };
  }

  private rows(): Map<string, number> {
    if (this.rowOf) return this.rowOf;
    const files = this.table.columns.file as Extract<Column, { kind: 'string' }>;
    this.rowOf = new Map();
    for (let row = 0; row < this.table.count; row++) this.rowOf.set(this.strings[files.values[row]!]!, row);
    return this.rowOf;
  }

  private row(row: number): ExportTable {
    let table = this.decoded.get(row);
    if (!table) {
      table = decodeExportRow(decodeRow(this.table, this.strings, row) as unknown as ExportRow);
      this.decoded.set(row, table);
    }
    return table;
  }

  private load(): void {
    if (this.loaded) return;
    const files = this.table.columns.file as Extract<Column, { kind: 'string' }>;
    for (let row = 0; row < this.table.count; row++) {
      const file = this.strings[files.values[row]!]!;
      const table = this.replaced.has(file) ? this.replaced.get(file) : this.row(row);
      if (table) super.set(file, table);
    }
    for (const [file, table] of this.replaced) if (table && !super.has(file)) super.set(file, table);
    this.loaded = true;
  }
}

/** For every file, the files whose export tables re-export from it: from the columns of tables read from the cache. */
export function reexportIndex(tables: ReadonlyMap<string, ExportTable>): Map<string, string[]> {
  if (tables instanceof LazyExportTables) return tables.reexporters();
  const index = new Map<string, string[]>();
  for (const [file, table] of tables)
    addAll(table, file, (target, from) => {
      if (target === null) return;
      const files = index.get(target);
      if (files) files.push(from);
      else index.set(target, [from]);
    });
  return index;
}

function addAll(table: ExportTable, file: string, add: (target: string | null, file: string) => void): void {
  for (const named of table.named.values()) add(named.target, file);
  for (const target of table.stars) add(target, file);
}
