import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { ProgressEvent } from '@seams/graph';

const fixture = join(import.meta.dirname, '../../../fixtures/cache/basic');

async function analyzeCounting(root: string) {
  const parsed: string[] = [];
  let cachedCount = 0;
  const events: ProgressEvent[] = [];
  const graph = await analyze({
    root,
    onProgress: (event) => {
      events.push(event);
      if (event.type === 'file-parsed') event.cached ? cachedCount++ : parsed.push(String(event.done));
    },
  });
  return { graph, parsed: parsed.length, cached: cachedCount, events };
}

describe('facts cache', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seams-cache-'));
    cpSync(fixture, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('parses everything once, then nothing on an unchanged tree, with the same graph', async () => {
    const first = await analyzeCounting(root);
    expect([first.parsed, first.cached]).toEqual([3, 0]);
    const second = await analyzeCounting(root);
    expect([second.parsed, second.cached]).toEqual([0, 0]);
    expect(second.graph.edges).toEqual(first.graph.edges);
    expect(second.graph.files).toEqual(first.graph.files);
  });

  it('re-parses a changed file and nothing else', async () => {
    await analyzeCounting(root);
    writeFileSync(join(root, 'src/order.model.ts'), 'export interface Order {\n  id: string;\n}\nexport type OrderId = string;\n');
    const after = await analyzeCounting(root);
    expect([after.parsed, after.cached]).toEqual([1, 2]);
    expect(after.graph.files.find((f) => f.path === 'src/order.model.ts')?.exports).toEqual(['Order', 'OrderId']);
  });

  it('trusts the content hash when only the mtime changed', async () => {
    await analyzeCounting(root);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src/orders.service.ts'), later, later);
    const after = await analyzeCounting(root);
    expect([after.parsed, after.cached]).toEqual([0, 3]);
  });

  it('treats a corrupt cache as empty', async () => {
    await analyzeCounting(root);
    const { readdirSync } = await import('node:fs');
    const dir = join(root, '.seams/cache');
    for (const file of readdirSync(dir)) writeFileSync(join(dir, file), 'not a cache');
    const after = await analyzeCounting(root);
    expect([after.parsed, after.cached]).toEqual([3, 0]);
  });

  it('reuses the whole graph when no file and no config changed', async () => {
    const first = await analyzeCounting(root);
    const second = await analyzeCounting(root);
    const steps = (events: ProgressEvent[]) => events.filter((e) => e.type === 'step-end').map((e) => (e as { step: string }).step);
    expect(steps(second.events)).toEqual(['discover', 'reuse']);
    expect(second.graph).toEqual({ ...first.graph, timings: second.graph.timings });
  });

  it('resolves again when a tsconfig changes, even if no source file did', async () => {
    await analyzeCounting(root);
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { '@orders/*': ['./src/*'] } } }));
    writeFileSync(join(root, 'src/orders.service.ts'), "import { findOrder } from '@orders/orders.repository';\nexport const getOrder = (id: string) => findOrder(id);\n");
    await analyzeCounting(root);
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    const after = await analyzeCounting(root);
    expect(after.graph.edges.map((e) => `${e.from} -> ${e.to}`)).toEqual(['src/orders.repository.ts -> src/order.model.ts']);
    expect(after.graph.externals.map((e) => e.specifier)).toEqual(['@orders/orders.repository']);
  });

  it('emits progress events per step and per file', async () => {
    const { events } = await analyzeCounting(root);
    expect(events.filter((e) => e.type === 'step-end').map((e) => (e as { step: string }).step)).toEqual(['discover', 'parse', 'resolve', 'trace', 'cache']);
    expect(events.filter((e) => e.type === 'file-parsed').map((e) => (e as { done: number }).done)).toEqual([1, 2, 3]);
  });
});
