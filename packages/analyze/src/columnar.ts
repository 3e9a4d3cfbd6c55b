// A columnar form for arrays of records, so a 10k-file graph cache loads in milliseconds: V8's own
// serializer writes every object and every repeated string (each edge's `from`, `to`, `kind`) in full,
// and reading them back allocates them all again. Here each distinct string is stored once and every
// key of the records becomes one typed array; reading builds the records from those arrays.
// Exact for what it stores: key order, absent keys and any value it has no column kind for (kept as is).

/** Distinct strings of one encoded value, referred to by index. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  private readonly offset: number;

  /** Ids start at `offset`: the strings of a table that follows another one's (a delta after its base). */
  constructor(offset = 0) {
    this.offset = offset;
  }

  /** A table that gives the strings of an earlier one their ids there, so its encoded columns stay valid. */
  static extending(earlier: readonly string[]): StringTable {
    const table = new StringTable();
    for (const text of earlier) table.id(text);
    return table;
  }

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.offset + this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

export type Column =
  | { kind: 'string'; values: Uint32Array }
  | { kind: 'number'; values: Float64Array }
  | { kind: 'boolean'; values: Uint8Array }
  /** Arrays of strings: record i's ids are `values[offsets[i]..offsets[i + 1]]`. */
  | { kind: 'strings'; offsets: Uint32Array; values: Uint32Array }
  /** Anything else, as the structured clone stores it. */
  | { kind: 'other'; values: unknown[] };

/** Records as columns: record i has the keys `shapes[shapeOf[i]]`, in that order. */
export interface Table {
  count: number;
  shapes: string[][];
  shapeOf: Uint32Array;
  columns: Record<string, Column>;
}

/** True for arrays whose every element is a plain object: the values `encodeTable` is for. */
export function isRecordArray(value: unknown): value is Array<Record<string, unknown>> {
  return (
    Array.isArray(value) && value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))
  );
}

/** Records decoded from `table` (with the strings the table's ids index into a StringTable extending them). */
export interface Earlier {
  records: readonly object[];
  table: Table;
}

/**
 * With `earlier`, the rows of records it holds (the very objects: records are never changed once decoded) are
 * copied from its columns and only the others encoded: after a partial update, a few records in ten thousands.
 * `strings` must extend the strings `earlier.table` was encoded with. `recordOf` gives the record to store for an
 * item, when the items are not records themselves (`earlier.records` then holds items too).
 */
export function encodeTable<T extends object = Record<string, unknown>>(
  items: readonly T[],
  strings: StringTable,
  earlier?: Earlier,
  recordOf: (item: T) => Record<string, unknown> = (item) => item as Record<string, unknown>,
): Table {
  return (earlier && encodeKeeping(items, strings, earlier, recordOf)) ?? encodeAll(items.map(recordOf), strings);
}

function encodeAll(records: ReadonlyArray<Record<string, unknown>>, strings: StringTable): Table {
  const count = records.length;
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const shapeOf = new Uint32Array(count);
  const present = new Map<string, number[]>();
  records.forEach((record, i) => {
    const keys = Object.keys(record);
    const signature = keys.join('\0');
    let shape = shapeIds.get(signature);
    if (shape === undefined) {
      shape = shapes.push(keys) - 1;
      shapeIds.set(signature, shape);
    }
    shapeOf[i] = shape;
    for (const key of keys) {
      let rows = present.get(key);
      if (!rows) present.set(key, (rows = []));
      rows.push(i);
    }
  });
  const columns: Record<string, Column> = {};
  for (const [key, rows] of present) columns[key] = encodeColumn(records, key, rows, strings);
  return { count, shapes, shapeOf, columns };
}

function encodeColumn(
  records: ReadonlyArray<Record<string, unknown>>,
  key: string,
  rows: number[],
  strings: StringTable,
): Column {
  const count = records.length;
  const values = rows.map((i) => records[i]![key]);
  if (values.every((v) => typeof v === 'string')) {
    const ids = new Uint32Array(count);
    rows.forEach((row, j) => (ids[row] = strings.id(values[j] as string)));
    return { kind: 'string', values: ids };
  }
  if (values.every((v) => typeof v === 'number')) {
    const numbers = new Float64Array(count);
    rows.forEach((row, j) => (numbers[row] = values[j] as number));
    return { kind: 'number', values: numbers };
  }
  if (values.every((v) => typeof v === 'boolean')) {
    const flags = new Uint8Array(count);
    rows.forEach((row, j) => (flags[row] = values[j] ? 1 : 0));
    return { kind: 'boolean', values: flags };
  }
  if (values.every((v) => Array.isArray(v) && v.every((s) => typeof s === 'string'))) {
    const offsets = new Uint32Array(count + 1);
    const ids: number[] = [];
    let j = 0;
    for (let i = 0; i < count; i++) {
      offsets[i] = ids.length;
      if (rows[j] === i) for (const s of values[j++] as string[]) ids.push(strings.id(s));
    }
    offsets[count] = ids.length;
    return { kind: 'strings', offsets, values: Uint32Array.from(ids) };
  }
  const other: unknown[] = new Array(count);
  rows.forEach((row, j) => (other[row] = values[j]));
  return { kind: 'other', values: other };
}

// How far ahead in the earlier records an item is looked for before it counts as new.
const LOOKAHEAD = 512;

/**
 * Each item's row among `records` (-1: not there). A partial update keeps the records it read in their order,
 * removing some and inserting others: they are matched walking both lists, without a map of tens of thousands
 * of objects (hashing each object costs more than the rest of the encoding). After a long run of misses the
 * records are indexed after all. An item not found is encoded afresh: slower, never wrong.
 */
function rowsIn(items: readonly object[], records: readonly object[]): Int32Array {
  const rows = new Int32Array(items.length).fill(-1);
  let next = 0;
  let misses = 0;
  let index: Map<object, number> | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (index) {
      rows[i] = index.get(item) ?? -1;
      continue;
    }
    const end = Math.min(records.length, next + LOOKAHEAD);
    let k = next;
    while (k < end && records[k] !== item) k++;
    if (k < end) {
      rows[i] = k;
      next = k + 1;
      misses = 0;
    } else if (++misses > LOOKAHEAD) index = new Map(records.map((record, row) => [record, row]));
  }
  return rows;
}

/**
 * What changed since `earlier`, for a cache file that holds only that (a delta): the records of `items` as runs of
 * rows `[start, length]`, a start >= 0 being rows of `earlier`, a start < 0 rows `-1 - start`... of `added`, which
 * holds the records `earlier` does not.
 */
export function encodeChanges<T extends object>(
  items: readonly T[],
  strings: StringTable,
  earlier: Earlier,
  recordOf: (item: T) => Record<string, unknown> = (item) => item as Record<string, unknown>,
): { runs: Int32Array; added: Table } {
  const rows = rowsIn(items, earlier.records);
  const runs: number[] = [];
  const fresh: Array<Record<string, unknown>> = [];
  for (let i = 0; i < items.length; i++) {
    let at = rows[i]!;
    if (at < 0) {
      at = -1 - fresh.length;
      fresh.push(recordOf(items[i]!));
    }
    const last = runs.length - 2;
    const start = runs[last]!;
    // A run continues upwards through earlier rows, downwards through added ones.
    if (last >= 0 && start >= 0 === at >= 0 && (start >= 0 ? start + runs[last + 1]! : start - runs[last + 1]!) === at)
      runs[last + 1] = runs[last + 1]! + 1;
    else runs.push(at, 1);
  }
  return { runs: Int32Array.from(runs), added: encodeAll(fresh, strings) };
}

/** The records `encodeChanges` described: rows of `earlier` (the very records) and of `added`, in order. */
export function applyChanges<T>(earlier: readonly T[], added: readonly T[], runs: Int32Array): T[] {
  const records: T[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const length = runs[k + 1]!;
    if (start >= 0) for (let row = start; row < start + length; row++) records.push(earlier[row]!);
    else for (let row = -1 - start; row < -1 - start + length; row++) records.push(added[row]!);
  }
  return records;
}

// Undefined when no record is kept, or a column would change kind: then every record is encoded.
function encodeKeeping<T extends object>(
  items: readonly T[],
  strings: StringTable,
  earlier: Earlier,
  recordOf: (item: T) => Record<string, unknown>,
): Table | undefined {
  const rows = rowsIn(items, earlier.records);
  const count = items.length;
  // Per record: its row in `earlier`, or -(1 + its index among the fresh records).
  const source = new Int32Array(count);
  const fresh: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    if (row >= 0) source[i] = row;
    else {
      source[i] = -1 - fresh.length;
      fresh.push(recordOf(items[i]!));
    }
  }
  if (fresh.length === count) return undefined;
  const added = encodeAll(fresh, strings);
  const old = earlier.table;

  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const shapeId = (keys: string[]) => {
    const signature = keys.join('\0');
    let id = shapeIds.get(signature);
    if (id === undefined) shapeIds.set(signature, (id = shapes.push(keys) - 1));
    return id;
  };
  const oldShape = old.shapes.map(shapeId);
  const addedShape = added.shapes.map(shapeId);
  const shapeOf = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const at = source[i]!;
    shapeOf[i] = at >= 0 ? oldShape[old.shapeOf[at]!]! : addedShape[added.shapeOf[-1 - at]!]!;
  }

  const columns: Record<string, Column> = {};
  for (const key of new Set([...Object.keys(old.columns), ...Object.keys(added.columns)])) {
    const column = mergeColumns(old.columns[key], added.columns[key], source);
    if (!column) return undefined;
    columns[key] = column;
  }
  return { count, shapes, shapeOf, columns };
}

// Row i of the result is row source[i] of `kept`, or row -1 - source[i] of `added`; a missing column has no values.
function mergeColumns(kept: Column | undefined, added: Column | undefined, source: Int32Array): Column | undefined {
  if (kept && added && kept.kind !== added.kind) return undefined;
  const kind = (kept ?? added)!.kind;
  const count = source.length;
  if (kind === 'strings') {
    const a = kept as Extract<Column, { kind: 'strings' }> | undefined;
    const b = added as Extract<Column, { kind: 'strings' }> | undefined;
    // Sized first, then filled: no growing array of ids (a 10k-file graph has hundreds of thousands).
    const offsets = new Uint32Array(count + 1);
    for (let i = 0; i < count; i++) {
      const at = source[i]!;
      const column = at >= 0 ? a : b;
      const row = at >= 0 ? at : -1 - at;
      offsets[i + 1] = offsets[i]! + (column ? column.offsets[row + 1]! - column.offsets[row]! : 0);
    }
    const values = new Uint32Array(offsets[count]!);
    for (let i = 0; i < count;) {
      const at = source[i]!;
      const column = at >= 0 ? a : b;
      const row = at >= 0 ? at : -1 - at;
      // Rows kept in a run (most of them) are one copy.
      let end = i + 1;
      if (at >= 0) while (end < count && source[end] === at + (end - i)) end++;
      if (column) values.set(column.values.subarray(column.offsets[row], column.offsets[row + end - i]), offsets[i]);
      i = end;
    }
    return { kind, offsets, values };
  }
  if (kind === 'other') {
    const a = (kept as Extract<Column, { kind: 'other' }> | undefined)?.values;
    const b = (added as Extract<Column, { kind: 'other' }> | undefined)?.values;
    // A row without the key reads as undefined, as does a hole: its record's shape leaves the key out anyway.
    const values: unknown[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const at = source[i]!;
      const value = at >= 0 ? a?.[at] : b?.[-1 - at];
      // Left a hole: the structured clone stores holes in a few bytes.
      if (value !== undefined) values[i] = value;
    }
    return { kind, values };
  }
  const a = (kept as { values: Uint32Array | Float64Array | Uint8Array } | undefined)?.values;
  const b = (added as { values: Uint32Array | Float64Array | Uint8Array } | undefined)?.values;
  const values =
    kind === 'string' ? new Uint32Array(count) : kind === 'number' ? new Float64Array(count) : new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const at = source[i]!;
    if (at >= 0) values[i] = a ? a[at]! : 0;
    else values[i] = b ? b[-1 - at]! : 0;
  }
  return { kind, values } as Column;
}

export function decodeTable(table: Table, strings: readonly string[]): Array<Record<string, unknown>> {
  const { count, shapes, shapeOf, columns } = table;
  const build = shapes.map((keys) => recordBuilder(keys, columns, strings));
  const records = new Array<Record<string, unknown>>(count);
  if (build.length === 1) for (let i = 0; i < count; i++) records[i] = build[0]!(i);
  else for (let i = 0; i < count; i++) records[i] = build[shapeOf[i]!]!(i);
  return records;
}

/**
 * Builds record i of one shape. Reading a 10k-file cache builds ~60k records: one object literal per shape, compiled
 * once, makes each record in one step with its final layout (~33 instead of ~41 ms of CPU, adding key after key).
 * The keys are quoted as JSON (no code can come from them); `__proto__`, which a literal or an assignment would take
 * as the prototype, is defined as an own key.
 */
function recordBuilder(
  keys: readonly string[],
  columns: Record<string, Column>,
  strings: readonly string[],
): (i: number) => Record<string, unknown> {
  if (keys.includes('__proto__')) {
    const readers = keys.map((key) => [key, reader(columns[key]!, strings)] as const);
    return (i) => {
      const record: Record<string, unknown> = {};
      for (const [key, read] of readers)
        Object.defineProperty(record, key, { value: read(i), writable: true, enumerable: true, configurable: true });
      return record;
    };
  }
  const values = keys.map((key) => {
    const column = columns[key]!;
    return column.kind === 'strings' ? reader(column, strings) : column.values;
  });
  const fields = keys.map((key, k) => {
    const kind = columns[key]!.kind;
    const value =
      kind === 'string'
        ? `s[v${k}[i]]`
        : kind === 'boolean'
          ? `v${k}[i] === 1`
          : kind === 'strings'
            ? `v${k}(i)`
            : `v${k}[i]`;
    return `${JSON.stringify(key)}: ${value}`;
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from JSON-quoted keys only, see above
  const make = new Function('s', ...keys.map((_, k) => `v${k}`), `return (i) => ({ ${fields.join(', ')} });`) as (
    ...args: unknown[]
  ) => (i: number) => Record<string, unknown>;
  return make(strings, ...values);
}

/** Record `row` of `table` alone, as decodeTable gives it. */
export function decodeRow(table: Table, strings: readonly string[], row: number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const key of table.shapes[table.shapeOf[row]!]!) record[key] = reader(table.columns[key]!, strings)(row);
  return record;
}

function reader(column: Column, strings: readonly string[]): (i: number) => unknown {
  switch (column.kind) {
    case 'string':
      return (i) => strings[column.values[i]!];
    case 'number':
      return (i) => column.values[i];
    case 'boolean':
      return (i) => column.values[i] === 1;
    case 'strings': {
      const { offsets, values } = column;
      return (i) => {
        const list = new Array<string>(offsets[i + 1]! - offsets[i]!);
        for (let k = 0; k < list.length; k++) list[k] = strings[values[offsets[i]! + k]!]!;
        return list;
      };
    }
    case 'other':
      return (i) => column.values[i];
  }
}
