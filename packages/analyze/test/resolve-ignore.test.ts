// Which files are analysed: .gitignore rules (folder, glob, negation, nested .gitignore), and the
// node_modules/, dist/ and build/ folders. The repository's own .gitignore hides node_modules/ and
// dist/, and a real .gitignore inside the fixture would hide the ignored fixture files from git,
// so the test copies fixtures/resolve/ignore-rules to a temp dir, renames its `gitignore` files to
// `.gitignore` and writes the build output and the installed package there.
import { cpSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Graph, sorted, edgesOf, analyzeFixture } from './graph-lines.ts';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/resolve/ignore-rules');

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

describe('ignore-rules: .gitignore, node_modules/, dist/ and build/ are not analysed', () => {
  let root: string;
  let graph: Graph;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'seams-ignore-rules-')));
    cpSync(FIXTURE, root, { recursive: true });
    renameSync(join(root, 'gitignore'), join(root, '.gitignore'));
    renameSync(join(root, 'src/legacy/gitignore'), join(root, 'src/legacy/.gitignore'));
    // An installed package that ships TypeScript source.
    write(
      root,
      'node_modules/left-pad/package.json',
      JSON.stringify({ name: 'left-pad', version: '1.3.0', main: 'index.js', types: 'index.ts' }),
    );
    write(
      root,
      'node_modules/left-pad/index.js',
      "module.exports = (text, length, fill) => String(text).padStart(length, fill ?? ' ');\n",
    );
    write(
      root,
      'node_modules/left-pad/index.ts',
      'export default function leftPad(text: string, length: number, fill?: string): string {\n  return text.padStart(length, fill);\n}\n',
    );
    // Build output at the root and in a nested folder.
    write(root, 'dist/orders.js', 'export function placeOrder(order) {\n  return { ...order, placed: true };\n}\n');
    write(
      root,
      'dist/orders.d.ts',
      'export declare function placeOrder(order: { id: string }): { id: string; placed: true };\n',
    );
    write(
      root,
      'build/bundle.ts',
      "import { placeOrder } from '../src/orders';\n\nexport const bundled = placeOrder;\n",
    );
    write(
      root,
      'tools/dist/release.js',
      "import { placeOrder } from '../../src/orders';\n\nconsole.log(placeOrder({ id: 'x' }));\n",
    );
    graph = await analyzeFixture(root);
  });

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('analyses only the files no rule excludes', () => {
    expect(sorted(graph.files.map((f) => f.path))).toEqual(
      sorted([
        'src/1-entry.ts',
        'src/orders.ts',
        // "*.gen.ts" then "!keep.gen.ts": re-included
        'src/keep.gen.ts',
        'tools/release.ts',
        // not analysed: src/schema.gen.ts ("*.gen.ts"), generated/client.ts ("generated/"),
        // src/legacy/orders.bak.ts (nested src/legacy/.gitignore), node_modules/**, dist/**,
        // build/**, tools/dist/**
      ]),
    );
  });

  it('links the analysed files', () => {
    expect(edgesOf(graph)).toEqual(
      sorted([
        'src/1-entry.ts -> src/orders.ts import [placeOrder]',
        'src/1-entry.ts -> src/keep.gen.ts import [KEEP]',
        'tools/release.ts -> src/orders.ts import [placeOrder]',
      ]),
    );
  });

  it('records imports of ignored files as not analysed', () => {
    expect(sorted(graph.unresolved.map((u) => `${u.from}:${u.line} ${u.specifier} ${u.kind} ${u.reason}`))).toEqual(
      sorted([
        'src/1-entry.ts:2 ./schema.gen import not-analyzed',
        'src/1-entry.ts:3 ../generated/client import not-analyzed',
      ]),
    );
  });

  it('keeps a package installed in node_modules external even though it ships .ts files', () => {
    expect(
      graph.externals.map(
        (x) => `${x.from}:${x.line} ${x.specifier} -> ${x.package} ${x.builtin} ${x.kind} [${x.names.join(',')}]`,
      ),
    ).toEqual(['src/1-entry.ts:5 left-pad -> left-pad false import [default]']);
  });
});

describe('.gitignore rules answered by file name', () => {
  let root: string;
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  // Patterns without a slash are answered once per name; a folder-only pattern never hides a file of that name,
  // and a pattern anchored with a slash still sees the whole path.
  it('gives the same files for a name met at several depths, folder-only patterns and anchored ones', async () => {
    const { discoverFiles } = await import('../src/discover-files.ts');
    root = realpathSync(mkdtempSync(join(tmpdir(), 'seams-ignore-names-')));
    write(root, '.gitignore', 'fixtures/\n*.snap.ts\n!keep.snap.ts\n');
    for (const file of ['main.ts', 'keep.snap.ts', 'a/x.snap.ts', 'a/b/x.snap.ts', 'a/keep.snap.ts'])
      write(root, file, 'export {};\n');
    for (const file of ['a/fixtures/f.ts', 'a/b/fixtures.ts', 'c/top.ts', 'c/top2.ts', 'c/d/z.tmp.ts', 'c/d/top.ts'])
      write(root, file, 'export {};\n');
    write(root, 'c/.gitignore', '/top.ts\n*.tmp.ts\n');
    expect(discoverFiles(root).files).toEqual([
      'a/b/fixtures.ts',
      'a/keep.snap.ts',
      'c/d/top.ts',
      'c/top2.ts',
      'keep.snap.ts',
      'main.ts',
    ]);
  });
});
