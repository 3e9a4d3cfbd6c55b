// Bad input must not stop the run: syntax errors, binary files, broken tsconfig.json, BOM/CRLF files,
// imports that leave the root, huge generated files and symlink loops (both made at test time in a
// temp dir, never committed), and a root that does not exist (the one case that rejects).
import { cpSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Graph, sorted, edgesOf, analyzeFixture } from './graph-lines.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/resolve/_error_');
const run = (name: string): Promise<Graph> => analyzeFixture(join(FIXTURES, name));

function filesOf(graph: Graph): string[] {
  return sorted(graph.files.map((f) => f.path));
}

/** Copies a committed base fixture to a fresh temp dir (real path, so it matches graph paths). */
function tempCopy(name: string): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), `seams-${name}-`)));
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return root;
}

describe('syntax-error: one file does not parse, the rest of the graph is still built', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('syntax-error');
  });

  it('records the parse error with its 1-based line', () => {
    // src/broken.ts line 4: `reduce(..., 0;` misses a `)`
    expect(graph.parseErrors).toEqual([{ path: 'src/broken.ts', message: expect.any(String), line: 4 }]);
    expect(graph.parseErrors[0]?.message).not.toBe('');
  });

  it('still links the entry to every file, the broken and the empty one included', () => {
    const fromEntry = graph.edges.filter((e) => e.from === 'src/1-entry.ts');
    expect(edgesOf({ ...graph, edges: fromEntry })).toEqual(
      sorted([
        'src/1-entry.ts -> src/empty.ts import []',
        'src/1-entry.ts -> src/orders.ts import [listOrders]',
        'src/1-entry.ts -> src/broken.ts import [brokenTotal]',
      ]),
    );
    expect(graph.unresolved).toEqual([]);
  });

  it('keeps the files that parse, an empty file with 0 lines of code', () => {
    // Whether src/broken.ts itself is listed in files is left to the implementation.
    expect(filesOf(graph)).toEqual(expect.arrayContaining(['src/1-entry.ts', 'src/empty.ts', 'src/orders.ts']));
    const empty = graph.files.find((f) => f.path === 'src/empty.ts');
    expect(empty).toMatchObject({ language: 'ts', loc: 0, exports: [] });
  });
});

describe('binary-file: a PNG saved as logo.js', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('binary-file');
  });

  it('is reported as binary for the whole file (line 0) and not parsed', () => {
    expect(graph.parseErrors).toEqual([{ path: 'src/logo.js', message: expect.stringMatching(/binary/i), line: 0 }]);
    expect(filesOf(graph)).toEqual(['src/1-entry.ts', 'src/orders.ts']);
    expect(edgesOf(graph)).toEqual(['src/1-entry.ts -> src/orders.ts import [listOrders]']);
  });
});

describe('broken-tsconfig: tsconfig.json is not valid JSON', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('broken-tsconfig');
  });

  it('goes on and resolves relative imports', () => {
    expect(filesOf(graph)).toEqual(['src/1-entry.ts', 'src/orders.ts', 'src/shared/money.ts']);
    expect(edgesOf(graph)).toEqual(
      sorted([
        'src/1-entry.ts -> src/orders.ts import [listOrders]',
        'src/1-entry.ts -> src/shared/money.ts import [formatMoney]',
      ]),
    );
    expect(graph.unresolved).toEqual([]);
    expect(graph.externals).toEqual([]);
    // Whether the broken tsconfig.json is reported (in parseErrors or elsewhere) is left to the implementation.
    expect(graph.parseErrors.filter((p) => p.path !== 'tsconfig.json')).toEqual([]);
  });
});

describe('encoding: UTF-8 BOM and CRLF line endings', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('encoding');
  });

  it('counts lines on CRLF and ignores the BOM', () => {
    expect(graph.parseErrors).toEqual([]);
    expect(graph.edges.map((e) => `${e.from}:${e.line} -> ${e.to}`)).toEqual(['src/1-entry.ts:3 -> src/orders.ts']);
    const entry = graph.files.find((f) => f.path === 'src/1-entry.ts');
    // comment line + 2 blank lines + 2 code lines
    expect(entry).toMatchObject({ loc: 2, exports: ['orderCount'] });
  });
});

describe('outside-root: a relative import that climbs out of the analysed folder', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await run('outside-root/app');
  });

  it('is unresolved with reason outside-root, and the file outside is not analysed', () => {
    expect(graph.unresolved.map((u) => `${u.from}:${u.line} ${u.specifier} ${u.kind} ${u.reason}`)).toEqual([
      'src/1-entry.ts:1 ../../shared-kernel/money import outside-root',
    ]);
    expect(edgesOf(graph)).toEqual(['src/1-entry.ts -> src/orders.ts import [listOrders]']);
    expect(filesOf(graph)).toEqual(['src/1-entry.ts', 'src/orders.ts']);
    expect(graph.externals).toEqual([]);
  });
});

describe('large generated file (5 MB, written at test time)', () => {
  let root: string;
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('finishes, and the file is either analysed or reported as too large', { timeout: 60_000 }, async () => {
    root = tempCopy('generated-at-test-time');
    const row = "  { id: 'row-000000', sku: 'desk-lamp-oak', quantity: 1, price: 129.99 },\n";
    const rows = Math.ceil((5 * 1024 * 1024) / row.length);
    writeFileSync(join(root, 'src/catalog-data.ts'), `export const rows = [\n${row.repeat(rows)}];\n`);

    const graph = await analyzeFixture(root);

    const inFiles = graph.files.some((f) => f.path === 'src/catalog-data.ts');
    const error = graph.parseErrors.find((p) => p.path === 'src/catalog-data.ts');
    expect(inFiles !== (error !== undefined)).toBe(true);
    if (error)
      expect(error).toEqual({ path: 'src/catalog-data.ts', message: expect.stringMatching(/large|size/i), line: 0 });
    expect(edgesOf(graph)).toEqual(['src/1-entry.ts -> src/orders.ts import [listOrders]']);
  });
});

describe('symlink loop (made at test time: src/loop -> ..)', () => {
  let root: string;
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('terminates and lists each real file once', { timeout: 30_000 }, async () => {
    root = tempCopy('generated-at-test-time');
    symlinkSync('..', join(root, 'src/loop'), 'dir');

    const graph = await analyzeFixture(root);

    expect(filesOf(graph)).toEqual(['src/1-entry.ts', 'src/orders.ts']);
    expect(edgesOf(graph)).toEqual(['src/1-entry.ts -> src/orders.ts import [listOrders]']);
  });
});

describe('missing root', () => {
  it('rejects with code SEAMS_INPUT_NOT_FOUND', async () => {
    await expect(analyzeFixture('/does/not/exist')).rejects.toMatchObject({ code: 'SEAMS_INPUT_NOT_FOUND' });
  });
});
