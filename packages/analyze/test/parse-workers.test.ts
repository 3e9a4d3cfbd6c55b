import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Graph } from '@seams/graph';

const shop = join(import.meta.dirname, '../../../fixtures/shop');

// The graph as written with -o, less the timings, which differ from run to run.
const written = ({ timings: _, ...graph }: Graph) => JSON.stringify(graph);

// Each worker loads the parser and the detectors anew: seconds on a loaded machine.
describe('parsing in worker threads', { timeout: 60_000 }, () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seams-workers-'));
    // A cache a run on the fixture left (the eval's, a developer's) must not be copied in.
    cpSync(shop, root, { recursive: true, filter: (path) => !/node_modules|\.seams/.test(path) });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives the byte-identical graph with and without workers', async () => {
    const serial = await analyze({ root, cache: false, workers: 0 });
    expect(serial.files.length).toBeGreaterThan(20);
    expect(serial.useCases?.length).toBeGreaterThan(0);
    expect(serial.data?.length).toBeGreaterThan(0);
    for (const workers of [1, 2]) expect(written(await analyze({ root, cache: false, workers }))).toBe(written(serial));
  });

  it('fills and reads the facts cache from workers: a touched file with the same content is not parsed again', async () => {
    const count = async () => {
      let parsed = 0;
      let cached = 0;
      const graph = await analyze({
        root,
        workers: 2,
        onProgress: (event) => {
          if (event.type !== 'file-parsed') return;
          if (event.cached) cached++;
          else parsed++;
        },
      });
      return { graph, parsed, cached };
    };
    const first = await count();
    expect(first.cached).toBe(0);
    const later = new Date(Date.now() + 60_000);
    const touch = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== '.seams') touch(path);
        else if (entry.isFile() && path.endsWith('.ts')) utimesSync(path, later, later);
      }
    };
    touch(root);
    const second = await count();
    expect([second.parsed, second.cached]).toEqual([0, first.parsed]);
    expect(written(second.graph)).toBe(written(first.graph));
  });
});
