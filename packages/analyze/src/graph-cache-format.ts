// The graph cache on disk: a marker, then one structured clone whose arrays of records are columnar
// (columnar.ts). A warm run (`check --changed`, an unchanged tree) reads it before anything else, so it
// must load in milliseconds: a 10k-file graph was 16 MB of cloned objects that took ~0.1 s to read
// plus as much again in garbage collection. Maps in the parts (each file's export table) are only read
// by a partial update after an edit, so they stay serialized until first touched.
import { deserialize, serialize } from 'node:v8';
import {
  decodeRow,
  decodeTable,
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
      // Only a partial update reads them, and only the tables of the files it re-traces.
      parts[key] = new LazyExportTables(section.table, strings);
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

  constructor(table: Table, strings: readonly string[]) {
    super();
    this.table = table;
    this.strings = strings;
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
