import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodeTable, encodeTable, StringTable } from '../src/columnar.ts';
import { decodeGraphCache, encodeGraphCache, encodeGraphDelta, reexportIndex } from '../src/graph-cache-format.ts';

// Shapes met in GraphParts: edges with optional keys, files with lists, externals, nested objects.
const edges = [
  { from: 'src/a.ts', to: 'src/b.ts', kind: 'import', specifier: './b', line: 1, names: ['b', 'c'] },
  { from: 'src/b.ts', to: 'src/a.ts', kind: 'type', specifier: './a', line: 2, names: [], typeOnly: true },
  { to: 'src/c.ts', from: 'src/a.ts', kind: 'require', specifier: './c', line: 30 },
];
const mixed = [
  { path: 'a', loc: 3, entry: { kind: 'route', method: 'GET' } },
  { path: 'b', loc: undefined, entry: 'plain' },
  { path: 'c', loc: 2.5, entry: null },
];

describe('columnar records', () => {
  it('gives back the same records: key order, absent keys, optional flags, string lists', () => {
    const strings = new StringTable();
    const decoded = decodeTable(encodeTable(edges, strings), strings.strings);
    expect(decoded).toStrictEqual(edges);
    expect(decoded.map((edge) => Object.keys(edge))).toEqual(edges.map((edge) => Object.keys(edge)));
  });

  it('gives back a key named __proto__ as an own key, not as the prototype', () => {
    const records = [JSON.parse('{"path": "a", "__proto__": {"polluted": true}}') as Record<string, unknown>];
    const strings = new StringTable();
    const [decoded] = decodeTable(encodeTable(records, strings), strings.strings);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(decoded).toStrictEqual(records[0]);
  });

  it('stores each distinct string once, and values it has no column for as they are', () => {
    const strings = new StringTable();
    const table = encodeTable([...edges, ...edges], strings);
    // src/a.ts, src/b.ts, import, ./b, b, c, type, ./a, src/c.ts, require, ./c
    expect(strings.strings).toHaveLength(11);
    expect(table.columns.from!.kind).toBe('string');
    expect(table.columns.line!.kind).toBe('number');
    expect(table.columns.names!.kind).toBe('strings');
    const other = new StringTable();
    const mixedTable = encodeTable(mixed, other);
    expect(mixedTable.columns.loc!.kind).toBe('other');
    expect(decodeTable(mixedTable, other.strings)).toStrictEqual(mixed);
  });
});

describe('columnar records encoded again after a partial update', () => {
  const encodeDecode = (records: Array<Record<string, unknown>>) => {
    const strings = new StringTable();
    const table = encodeTable(records, strings);
    return { table, strings: strings.strings, records: decodeTable(table, strings.strings) };
  };

  it('copies the rows of the records it read and encodes the others: the same records as a fresh encoding', () => {
    const earlier = encodeDecode(edges);
    const [a, b, c] = earlier.records as typeof edges;
    const later = [
      a!,
      { from: 'src/d.ts', to: 'src/a.ts', kind: 'import', specifier: './a', line: 4, names: ['a'] },
      c!,
      { ...b!, names: ['renamed'], providers: { renamed: 'src/e.ts' } },
    ];
    const strings = StringTable.extending(earlier.strings);
    const table = encodeTable(later, strings, earlier);
    expect(table.columns.names!.kind).toBe('strings');
    expect(decodeTable(table, strings.strings)).toStrictEqual(later);
    expect(decodeTable(table, strings.strings).map((r) => Object.keys(r))).toEqual(later.map((r) => Object.keys(r)));
    // The strings of the earlier table keep their ids; new ones come after them.
    expect(strings.strings.slice(0, earlier.strings.length)).toEqual(earlier.strings);
  });

  it('finds the records it read in their order, or anywhere after a long run of new ones', () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      path: `src/${i}.ts`,
      loc: i,
      names: i % 3 ? [`n${i}`, 'x'] : [],
    }));
    const earlier = encodeDecode(many);
    const read = earlier.records as typeof many;
    const fresh = (from: number) =>
      Array.from({ length: 600 }, (_, i) => ({ path: `new/${from + i}.ts`, loc: -i, names: [`m${i}`] }));
    // Some removed, a few inserted, then more new records than the look-ahead, then read ones out of order.
    const later = [...read.slice(0, 100), ...fresh(0).slice(0, 3), ...read.slice(700, 900), ...fresh(3)];
    later.push(...read.slice(1200), read[5]!, ...read.slice(950, 1000));
    const strings = StringTable.extending(earlier.strings);
    const table = encodeTable(later, strings, earlier);
    expect(table.columns.names!.kind).toBe('strings');
    expect(decodeTable(table, strings.strings)).toStrictEqual(later);
  });

  it('encodes everything again when a column would change kind, or nothing is kept', () => {
    const earlier = encodeDecode([mixed[0]!, { path: 'd', loc: 4, entry: 'x' }]);
    const later = [earlier.records[0]!, { path: 'e', loc: 'many', entry: 'y' }];
    const strings = StringTable.extending(earlier.strings);
    const table = encodeTable(later, strings, earlier);
    expect(table.columns.loc!.kind).toBe('other');
    expect(decodeTable(table, strings.strings)).toStrictEqual(later);
    const none = encodeTable([{ path: 'f', loc: 1, entry: 'z' }], strings, earlier);
    expect(decodeTable(none, strings.strings)).toStrictEqual([{ path: 'f', loc: 1, entry: 'z' }]);
  });
});

describe('graph cache format', () => {
  const value = {
    fingerprint: 'f1',
    stats: new Map([
      ['src/a.ts', { size: 120, mtimeMs: 1712345678901.25 }],
      ['src/b.ts', { size: 0, mtimeMs: 0 }],
    ]),
    parts: {
      files: [{ path: 'src/a.ts', language: 'ts', loc: 10, exports: ['a'] }],
      edges,
      unresolved: [],
      workspaces: [],
      exportTables: new Map([['src/a.ts', { local: { a: 'a' }, named: {}, stars: [] }]]),
    },
  };

  it('round-trips stats, record arrays, empty arrays and the export tables (read on first use)', () => {
    const decoded = decodeGraphCache(encodeGraphCache(value))!;
    expect(decoded.fingerprint).toBe('f1');
    expect(decoded.stats).toStrictEqual(value.stats);
    const parts = decoded.parts as typeof value.parts;
    expect(Object.keys(parts)).toEqual(Object.keys(value.parts));
    expect(parts.files).toStrictEqual(value.parts.files);
    expect(parts.edges).toStrictEqual(edges);
    expect(parts.unresolved).toStrictEqual([]);
    expect(parts.exportTables).toStrictEqual(value.parts.exportTables);
    expect(parts.exportTables).toBe(parts.exportTables);
  });

  it('after a partial update, writes the graph a fresh encoding writes (read back the same)', () => {
    const read = decodeGraphCache(encodeGraphCache(value))!;
    const parts = read.parts as typeof value.parts;
    const updated = {
      ...read,
      parts: {
        ...parts,
        edges: [parts.edges[0]!, { ...parts.edges[1]!, line: 9 }],
        files: [...parts.files, { path: 'src/b.ts', language: 'ts', loc: 2, exports: [] }],
      },
    };
    const again = decodeGraphCache(encodeGraphCache(updated))!;
    expect(again.parts).toStrictEqual(updated.parts);
    expect(again.stats).toStrictEqual(value.stats);
  });

  it('stores export tables as columns: sets, maps and re-exports that leave the graph (null) come back as they were', () => {
    const tables = new Map([
      [
        'src/index.ts',
        {
          local: new Set(['VERSION']),
          named: new Map([
            ['a', { target: 'src/a.ts', importName: 'a' }],
            ['Router', { target: null, importName: 'Router' }],
          ]),
          stars: ['src/b.ts', null],
        },
      ],
      ['src/a.ts', { local: new Set(['a', 'default']), named: new Map(), stars: [] }],
    ]);
    const read = decodeGraphCache(encodeGraphCache({ ...value, parts: { ...value.parts, exportTables: tables } }))!;
    const parts = read.parts as { exportTables: typeof tables; files: unknown[] };
    // Read as a map that decodes each table on first use: as a plain map, the same tables.
    expect(new Map(parts.exportTables)).toStrictEqual(tables);
    // A partial update replaces one table: the other keeps its row, the new one is encoded.
    const updated = new Map(parts.exportTables);
    updated.set('src/a.ts', { local: new Set(['b']), named: new Map(), stars: ['src/c.ts'] });
    const again = decodeGraphCache(encodeGraphCache({ ...read, parts: { ...parts, exportTables: updated } }))!;
    expect(new Map((again.parts as typeof parts).exportTables)).toStrictEqual(updated);
  });

  it('decodes only the export tables asked for, and re-encodes the others from their rows', () => {
    const table = (target: string | null) => ({
      local: new Set(['x']),
      named: new Map([['y', { target, importName: 'y' }]]),
      stars: [] as Array<string | null>,
    });
    const tables = new Map([
      ['src/a.ts', table('src/b.ts')],
      ['src/b.ts', table(null)],
      ['src/c.ts', { ...table('src/b.ts'), stars: ['src/a.ts'] }],
    ]);
    const read = decodeGraphCache(encodeGraphCache({ ...value, parts: { ...value.parts, exportTables: tables } }))!;
    const lazy = (read.parts as { exportTables: typeof tables }).exportTables;
    // Who re-exports whom, read from the columns; a replaced table counts as it is now.
    lazy.set('src/a.ts', table('src/c.ts'));
    expect(reexportIndex(lazy)).toEqual(
      new Map([
        ['src/b.ts', ['src/c.ts']],
        ['src/a.ts', ['src/c.ts']],
        ['src/c.ts', ['src/a.ts']],
      ]),
    );
    expect(lazy.get('src/b.ts')).toStrictEqual(table(null));
    expect([lazy.has('src/c.ts'), lazy.has('src/d.ts'), lazy.get('src/d.ts')]).toEqual([true, false, undefined]);
    lazy.set('src/d.ts', table(null));
    const again = decodeGraphCache(encodeGraphCache(read))!;
    expect(new Map((again.parts as { exportTables: typeof tables }).exportTables)).toStrictEqual(
      new Map([...tables, ['src/a.ts', table('src/c.ts')], ['src/d.ts', table(null)]]),
    );
    // Iterating decodes every table, in order, replaced ones in their place.
    expect([...lazy.keys()]).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts']);
    expect(lazy.size).toBe(4);
  });

  it('refuses bytes it did not write, such as a cache of the former plain-clone format', () => {
    expect(decodeGraphCache(serialize(value))).toBeUndefined();
    expect(decodeGraphCache(Buffer.from('seams'))).toBeUndefined();
  });
});

describe('graph cache delta (what a partial update changed, beside the whole cache)', () => {
  // Enough records that a few changed ones make a small delta next to the whole.
  const files = Array.from({ length: 300 }, (_, i) => `src/m${i}.ts`);
  const exportTable = (i: number) => ({
    local: new Set([`m${i}`]),
    named: new Map([[`n${i}`, { target: files[(i + 1) % files.length]!, importName: 'x' }]]),
    stars: [] as Array<string | null>,
  });
  const whole = {
    fingerprint: 'f1',
    stats: new Map(files.map((file, i) => [file, { size: 100 + i, mtimeMs: 1000 + i }])),
    parts: {
      files: files.map((path, i) => ({ path, language: 'ts', loc: i, exports: [`m${i}`] })),
      edges: files.map((from, i) => ({ from, to: files[(i + 7) % files.length]!, kind: 'import', line: 1 })),
      warnings: ['one'],
      exportTables: new Map(files.map((file, i) => [file, exportTable(i)])),
    },
    discovered: { files, options: '[]' },
    git: { base: 'c1', watched: [], undiscovered: [] },
  };
  type Parts = typeof whole.parts;

  it('gives back, with the cache it was written after, the graph a whole encoding gives', () => {
    const bytes = encodeGraphCache(whole);
    const read = decodeGraphCache(bytes)!;
    const parts = read.parts as Parts;
    // A partial update: one file's stat, node, edges and export table change; the other records are the ones read.
    const stats = new Map(read.stats).set('src/m5.ts', { size: 7, mtimeMs: 2000 });
    const exportTables = parts.exportTables;
    exportTables.set('src/m5.ts', { local: new Set(['fresh']), named: new Map(), stars: ['src/m6.ts', null] });
    const updated = {
      ...read,
      stats,
      parts: {
        ...parts,
        files: parts.files.map((file, i) => (i === 5 ? { ...file, loc: 99, exports: ['fresh'] } : file)),
        edges: [...parts.edges.slice(0, 5), { from: 'src/m5.ts', to: 'src/m9.ts', kind: 'type', line: 3 }],
        warnings: ['one', 'two'],
        exportTables,
      },
      git: { base: 'c2', watched: ['src/m5.ts'], undiscovered: [] },
    };
    const delta = encodeGraphDelta(updated)!;
    expect(delta.length).toBeLessThan(bytes.length / 10);
    const again = decodeGraphCache(bytes, delta)!;
    // A second update is written against the same whole cache, and holds the first's changes too.
    const later = { ...again, parts: { ...(again.parts as Parts), warnings: ['three'] } };
    const second = decodeGraphCache(bytes, encodeGraphDelta(later))!;
    const { exportTables: _live, ...expected } = updated.parts;
    const expectedTables = new Map(exportTables);
    for (const [read, warnings] of [
      [again, ['one', 'two']],
      [second, ['three']],
    ] as const) {
      expect(read.stats).toStrictEqual(stats);
      expect(read.discovered).toStrictEqual(whole.discovered);
      const { exportTables: tables, ...rest } = read.parts as Parts;
      // Iterating the export tables decodes them all: a later update then writes the whole cache again.
      expect(new Map(tables)).toStrictEqual(expectedTables);
      expect(rest).toStrictEqual({ ...expected, warnings });
    }
    expect(again.git).toStrictEqual(updated.git);
    expect(encodeGraphDelta(again)).toBeUndefined();
  });

  it('is not written where it cannot say what changed, and is left out once the whole cache is written again', () => {
    const bytes = encodeGraphCache(whole);
    const read = decodeGraphCache(bytes)!;
    const parts = read.parts as Parts;
    // Another file list; export tables not read from the cache; nearly everything changed.
    expect(encodeGraphDelta({ ...read, stats: new Map([...read.stats].slice(1)) })).toBeUndefined();
    expect(encodeGraphDelta({ ...read, parts: { ...parts, exportTables: new Map(whole.parts.exportTables) } })).toBe(
      undefined,
    );
    const renamed = parts.edges.map((edge) => ({ ...edge, kind: 'require' }));
    expect(
      encodeGraphDelta({ ...read, parts: { ...parts, edges: renamed, files: structuredClone(parts.files) } }),
    ).toBe(undefined);
    const delta = encodeGraphDelta({ ...read, parts: { ...parts, warnings: ['two'] } })!;
    expect((decodeGraphCache(bytes, delta)!.parts as Parts).warnings).toEqual(['two']);
    const rewritten = encodeGraphCache(read);
    expect((decodeGraphCache(rewritten, delta)!.parts as Parts).warnings).toEqual(['one']);
    // Only beside the cache it was read from.
    const elsewhere = decodeGraphCache(bytes, undefined, '/a/graph.bin')!;
    expect(encodeGraphDelta(elsewhere, '/b/graph.bin')).toBeUndefined();
    expect(encodeGraphDelta(elsewhere, '/a/graph.bin')).toBeInstanceOf(Buffer);
  });
});
