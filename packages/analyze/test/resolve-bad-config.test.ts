// Configuration that cannot be used is reported and resolution goes on without it, file by file:
// a tsconfig `extends` cycle, a missing `extends` target (only that base is dropped), an invalid workspace or root package.json, and a FIFO named
// package.json (made at test time: git cannot hold one), which must not hang the run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/index.ts';
import { edgesOf, externalsOf } from './graph-lines.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/resolve/_error_');

async function analyzeWithWarnings(root: string) {
  const warnings: string[] = [];
  const graph = await analyze({
    root,
    cache: false,
    onProgress: (event) => {
      if (event.type === 'warning') warnings.push(event.message.replaceAll(root, '<root>'));
    },
  });
  return { graph, warnings };
}

describe('tsconfig-cycle: tsconfig.json and tsconfig.base.json extend each other', () => {
  it('warns once and still resolves ./orders', async () => {
    const { graph, warnings } = await analyzeWithWarnings(join(FIXTURES, 'tsconfig-cycle'));
    expect(edgesOf(graph)).toEqual(['src/1-entry.ts -> src/orders.ts import [listOrders]']);
    expect(graph.unresolved).toEqual([]);
    expect(warnings).toEqual([
      'Tsconfig extends configs circularly: "<root>/tsconfig.json" -> "<root>/tsconfig.base.json" -> "<root>/tsconfig.json": resolving without it',
    ]);
  });
});

describe('missing-package-base: tsconfig.json extends a package that is not installed, with its own paths', () => {
  it("drops only the base: the file's own paths and package.json imports still resolve, nothing is written", async () => {
    const root = join(FIXTURES, 'missing-package-base');
    const { graph, warnings } = await analyzeWithWarnings(root);
    expect(edgesOf(graph)).toEqual([
      'src/1-entry.ts -> src/money.ts import [money]',
      'src/1-entry.ts -> src/orders/list.ts import [listOrders]',
    ]);
    expect(graph.unresolved).toEqual([]);
    expect(warnings).toEqual([
      "tsconfig.json: its base @acme/tsconfig/tsconfig.base is not installed; using this file's own settings without it",
    ]);
    expect(readdirSync(root).sort()).toEqual(['package.json', 'src', 'tsconfig.json']);
  });
});

describe('missing-nested-base: the base tsconfig.json extends (holding the paths) extends a missing file', () => {
  it('keeps the paths of the base, relative to the base', async () => {
    const { graph, warnings } = await analyzeWithWarnings(join(FIXTURES, 'missing-nested-base'));
    expect(edgesOf(graph)).toEqual(['src/1-entry.ts -> src/orders/list.ts import [listOrders]']);
    expect(graph.unresolved).toEqual([]);
    expect(warnings).toEqual([
      "config/tsconfig.base.json: its base ./tsconfig.removed.json is not found; using this file's own settings without it",
    ]);
  });
});

describe('invalid-workspace-manifest: packages/billing/package.json has a trailing comma', () => {
  it('keeps @acme/billing a workspace package, found by its files, and says so', async () => {
    const { graph, warnings } = await analyzeWithWarnings(join(FIXTURES, 'invalid-workspace-manifest'));
    expect(edgesOf(graph)).toEqual(['apps/web/src/checkout.ts -> packages/billing/src/index.ts import [charge]']);
    expect(graph.externals).toEqual([]);
    expect(graph.workspaces).toEqual([
      { name: '@acme/billing', path: 'packages/billing' },
      { name: '@acme/web', path: 'apps/web' },
    ]);
    expect(warnings).toEqual([
      'packages/billing/package.json is not valid JSON (Expected double-quoted property name in JSON at position 55 (line 4 column 1)): workspace package @acme/billing resolved by its name only',
    ]);
  });
});

describe('invalid-root-manifest: the root package.json has a trailing comma', () => {
  it('resolves relative imports by file names and reports the manifest', async () => {
    const { graph, warnings } = await analyzeWithWarnings(join(FIXTURES, 'invalid-root-manifest'));
    expect(edgesOf(graph)).toEqual(['src/1-entry.ts -> src/orders.ts import [listOrders]']);
    expect(externalsOf(graph)).toEqual(['src/1-entry.ts -> node:fs (builtin) import [readFileSync]']);
    expect(warnings).toEqual([
      'package.json is not valid JSON (Expected double-quoted property name in JSON at position 58 (line 4 column 1)): its workspaces are not read',
      'package.json is not valid JSON: imports near it are resolved by file names only',
    ]);
  });
});

describe('a FIFO named package.json (made at test time)', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'seams-fifo-')));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is reported, never read, and the run finishes', async () => {
    execFileSync('mkfifo', [join(root, 'package.json')]);
    writeFileSync(join(root, 'orders.ts'), "import { money } from './money';\nexport const total = money(1);\n");
    writeFileSync(join(root, 'money.ts'), 'export const money = (n: number) => n;\n');
    const { graph, warnings } = await analyzeWithWarnings(root);
    expect(edgesOf(graph)).toEqual(['orders.ts -> money.ts import [money]']);
    expect(warnings).toEqual([
      'package.json is not a regular file: ignored',
      'package.json is not a regular file: imports below it are resolved by file names only',
    ]);
  });
});
