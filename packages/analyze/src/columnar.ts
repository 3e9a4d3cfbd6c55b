// A columnar form for arrays of records, so a 10k-file graph cache loads in milliseconds: V8's own
// serializer writes every object and every repeated string (each edge's `from`, `to`, `kind`) in full,
// and reading them back allocates them all again. Here each distinct string is stored once and every
// key of the records becomes one typed array; reading builds the records from those arrays.
// Exact for what it stores: key order, absent keys and any value it has no column kind for (kept as is).

/** Distinct strings of one encoded value, referred to by index. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }
}

type Column =
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

export function encodeTable(records: ReadonlyArray<Record<string, unknown>>, strings: StringTable): Table {
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

export function decodeTable(table: Table, strings: readonly string[]): Array<Record<string, unknown>> {
  const { count, shapes, shapeOf, columns } = table;
  const readers = new Map<string, (i: number) => unknown>();
  for (const [key, column] of Object.entries(columns)) readers.set(key, reader(column, strings));
  const shapeReaders = shapes.map((keys) => keys.map((key) => [key, readers.get(key)!] as const));
  const records = new Array<Record<string, unknown>>(count);
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {};
    for (const [key, read] of shapeReaders[shapeOf[i]!]!) record[key] = read(i);
    records[i] = record;
  }
  return records;
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
