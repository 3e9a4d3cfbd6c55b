import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Graph } from '@seams/graph';

// check --changed learns from git which files may have changed since the cached graph instead of walking the
// tree. Whatever happened to the files, it must give the graph a full run without any cache gives.
const fixture = join(import.meta.dirname, '../../../fixtures/cache/basic');

const git = (root: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=seams', '-c', 'user.email=seams@localhost', ...args], {
    cwd: root,
    encoding: 'utf8',
  });

/** A run that trusts git, with whether it walked the tree, checked against a run without any cache. */
async function trustingGit(root: string): Promise<{ graph: Graph; walked: boolean }> {
  const graph = await analyze({ root, trustGit: true });
  const full = await analyze({ root, cache: false });
  expect({ ...graph, timings: {} }).toEqual({ ...full, timings: {} });
  return { graph, walked: 'discover' in graph.timings };
}

const paths = (graph: Graph) => graph.files.map((file) => file.path);

describe('analyze trusting git for what changed (check --changed)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seams-git-'));
    cpSync(fixture, root, { recursive: true });
    writeFileSync(join(root, '.gitignore'), '.seams/\n');
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'start');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('does not walk the tree once a cached graph has git’s snapshot, and sees edits to tracked files', async () => {
    expect((await trustingGit(root)).walked).toBe(true);
    expect((await trustingGit(root)).walked).toBe(false);
    appendFileSync(join(root, 'src/order.model.ts'), 'export type OrderId = string;\n');
    const edited = await trustingGit(root);
    expect(edited.walked).toBe(false);
    expect(edited.graph.files.find((file) => file.path === 'src/order.model.ts')?.exports).toEqual([
      'Order',
      'OrderId',
    ]);
    // A file README or image changes nothing discovery finds.
    writeFileSync(join(root, 'README.md'), '# orders\n');
    expect((await trustingGit(root)).walked).toBe(false);
  });

  it('sees a file edited, cached, then restored from git (no longer reported as changed)', async () => {
    const model = join(root, 'src/order.model.ts');
    appendFileSync(model, 'export type OrderId = string;\n');
    await analyze({ root }); // a walk caches the edited file, with git's snapshot
    git(root, 'checkout', '-q', '--', 'src/order.model.ts');
    const restored = await trustingGit(root);
    expect(restored.walked).toBe(false);
    expect(restored.graph.files.find((file) => file.path === 'src/order.model.ts')?.exports).toEqual(['Order']);
  });

  it('sees edits after a commit moved HEAD, and files the commit changed', async () => {
    await trustingGit(root);
    appendFileSync(join(root, 'src/order.model.ts'), 'export type OrderId = string;\n');
    git(root, 'commit', '-qam', 'order id');
    appendFileSync(join(root, 'src/orders.repository.ts'), 'export const size = () => orders.size;\n');
    const after = await trustingGit(root);
    expect(after.walked).toBe(false);
    git(root, 'checkout', '-q', 'HEAD~1', '--', 'src/order.model.ts');
    expect((await trustingGit(root)).walked).toBe(false);
  });

  it('walks when a file is added, deleted or renamed, in git or not', async () => {
    await trustingGit(root);
    writeFileSync(
      join(root, 'src/invoice.ts'),
      "import type { Order } from './order.model';\nexport type I = Order;\n",
    );
    const added = await trustingGit(root);
    expect([added.walked, paths(added.graph)]).toEqual([true, expect.arrayContaining(['src/invoice.ts'])]);

    git(root, 'mv', 'src/orders.repository.ts', 'src/order-store.ts');
    const renamed = await trustingGit(root);
    expect(renamed.walked).toBe(true);
    expect(paths(renamed.graph)).not.toContain('src/orders.repository.ts');

    rmSync(join(root, 'src/invoice.ts'));
    const deleted = await trustingGit(root);
    expect([deleted.walked, paths(deleted.graph)]).toEqual([true, expect.not.arrayContaining(['src/invoice.ts'])]);
    expect((await trustingGit(root)).walked).toBe(false);
  });

  it('walks when a .gitignore changes what is discovered', async () => {
    mkdirSync(join(root, 'src/generated'));
    writeFileSync(join(root, 'src/generated/client.ts'), 'export const client = 1;\n');
    await trustingGit(root);
    appendFileSync(join(root, '.gitignore'), 'src/generated/\n');
    const ignored = await trustingGit(root);
    expect([ignored.walked, paths(ignored.graph)]).toEqual([
      true,
      expect.not.arrayContaining(['src/generated/client.ts']),
    ]);
  });

  it('stats the files git does not see (its own excludes) on every run', async () => {
    // Ignored by git through .git/info/exclude, which seams does not read: analysed, never reported by git.
    writeFileSync(join(root, '.git/info/exclude'), 'src/local.ts\n');
    writeFileSync(join(root, 'src/local.ts'), 'export const local = 1;\n');
    await trustingGit(root);
    expect(git(root, 'status', '--porcelain')).toBe('');
    appendFileSync(join(root, 'src/local.ts'), "export { findOrder } from './orders.repository';\n");
    const edited = await trustingGit(root);
    expect(edited.walked).toBe(false);
    expect(edited.graph.edges.some((edge) => edge.from === 'src/local.ts')).toBe(true);
  });

  it('sees untracked files edited, and files marked assume-unchanged', async () => {
    writeFileSync(join(root, 'src/draft.ts'), 'export const draft = 1;\n');
    git(root, 'update-index', '--assume-unchanged', 'src/order.model.ts');
    await trustingGit(root);
    appendFileSync(join(root, 'src/draft.ts'), "export { getOrder } from './orders.service';\n");
    appendFileSync(join(root, 'src/order.model.ts'), 'export type OrderId = string;\n');
    expect(git(root, 'status', '--porcelain')).toBe('?? src/draft.ts\n');
    const edited = await trustingGit(root);
    expect(edited.walked).toBe(false);
    expect(readFileSync(join(root, 'src/order.model.ts'), 'utf8')).toContain('OrderId');
  });
});

describe('analyze trusting git outside a git work tree', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seams-nogit-'));
    cpSync(fixture, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('walks the tree every time, and sees what changed', async () => {
    expect((await trustingGit(root)).walked).toBe(true);
    expect((await trustingGit(root)).walked).toBe(true);
    writeFileSync(join(root, 'src/invoice.ts'), 'export const invoice = 1;\n');
    appendFileSync(join(root, 'src/order.model.ts'), 'export type OrderId = string;\n');
    const changed = await trustingGit(root);
    expect([changed.walked, paths(changed.graph)]).toEqual([true, expect.arrayContaining(['src/invoice.ts'])]);
  });
});
