import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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
      if (event.type === 'file-parsed' && event.cached) cachedCount++;
      else if (event.type === 'file-parsed') parsed.push(String(event.done));
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
    writeFileSync(
      join(root, 'src/order.model.ts'),
      'export interface Order {\n  id: string;\n}\nexport type OrderId = string;\n',
    );
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

  it('reads a graph cache whose parts are damaged (its head intact) as no graph cache', async () => {
    const first = await analyzeCounting(root);
    const dir = join(root, '.seams/cache');
    const file = join(
      dir,
      readdirSync(dir).find((name) => name.startsWith('graph-'))!,
    );
    const bytes = readFileSync(file);
    bytes.fill(0x5a, bytes.length - 64);
    writeFileSync(file, bytes);
    // The stats in the head say nothing changed; the parts cannot be read: facts from their cache, no file parsed.
    const after = await analyzeCounting(root);
    expect([after.parsed, after.cached]).toEqual([0, 3]);
    expect(after.events.some((e) => e.type === 'step-end' && e.step === 'resolve')).toBe(true);
    expect(after.graph).toEqual({ ...first.graph, timings: after.graph.timings });
  });

  it('reuses the whole graph when no file and no config changed', async () => {
    const first = await analyzeCounting(root);
    const second = await analyzeCounting(root);
    const steps = (events: ProgressEvent[]) =>
      events.filter((e) => e.type === 'step-end').map((e) => (e as { step: string }).step);
    expect(steps(second.events)).toEqual(['discover', 'reuse']);
    expect(second.graph).toEqual({ ...first.graph, timings: second.graph.timings });
  });

  it('resolves again when a tsconfig changes, even if no source file did', async () => {
    await analyzeCounting(root);
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { paths: { '@orders/*': ['./src/*'] } } }),
    );
    writeFileSync(
      join(root, 'src/orders.service.ts'),
      "import { findOrder } from '@orders/orders.repository';\nexport const getOrder = (id: string) => findOrder(id);\n",
    );
    await analyzeCounting(root);
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    const after = await analyzeCounting(root);
    expect(after.graph.edges.map((e) => `${e.from} -> ${e.to}`)).toEqual([
      'src/orders.repository.ts -> src/order.model.ts',
    ]);
    expect(after.graph.externals.map((e) => e.specifier)).toEqual(['@orders/orders.repository']);
  });

  it('resolves again when a tsconfig the tree extends from above it appears or changes', async () => {
    const outer = mkdtempSync(join(tmpdir(), 'seams-extends-'));
    try {
      const app = join(outer, 'app');
      mkdirSync(join(app, 'src/lib'), { recursive: true });
      writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.base.json' }));
      writeFileSync(join(app, 'src/main.ts'), "import { b } from '@lib/b';\nexport const a = b;\n");
      writeFileSync(join(app, 'src/lib/b.ts'), 'export const b = 1;\n');
      const edges = async () => (await analyzeCounting(app)).graph.edges.map((e) => `${e.from} -> ${e.to}`);
      expect(await edges()).toEqual([]);
      // The base the tree extends, missing at first: a cache that ignored it would keep the import unresolved.
      writeFileSync(
        join(outer, 'tsconfig.base.json'),
        JSON.stringify({ extends: './tsconfig.paths.json', compilerOptions: { strict: true } }),
      );
      writeFileSync(
        join(outer, 'tsconfig.paths.json'),
        JSON.stringify({ compilerOptions: { paths: { '@lib/*': ['./app/src/lib/*'] } } }),
      );
      expect(await edges()).toEqual(['src/main.ts -> src/lib/b.ts']);
      // Two links up the chain, out of the tree: its change is noticed too.
      writeFileSync(join(outer, 'tsconfig.paths.json'), JSON.stringify({ compilerOptions: {} }));
      expect(await edges()).toEqual([]);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('emits progress events per step and per file', async () => {
    const { events } = await analyzeCounting(root);
    expect(events.filter((e) => e.type === 'step-end').map((e) => (e as { step: string }).step)).toEqual([
      'discover',
      'parse',
      'resolve',
      'trace',
      'cache',
    ]);
    expect(events.filter((e) => e.type === 'file-parsed').map((e) => (e as { done: number }).done)).toEqual([1, 2, 3]);
  });
});

describe('partial update after a few files changed', () => {
  const shop = join(import.meta.dirname, '../../../fixtures/shop');
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seams-partial-'));
    cpSync(shop, root, { recursive: true, filter: (source) => !source.includes('.seams') });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('parses and resolves only the changed files, and gives the graph a full run gives', async () => {
    await analyzeCounting(root);
    // A file exported through a barrel gains an export and an import; another file imports through the barrel.
    const search = join(root, 'src/modules/catalog/services/product-search.service.ts');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      search,
      `import { formatMoney } from '@shop/utils';\n${readFileSync(search, 'utf8')}\nexport const searchLabel = (cents: number) => formatMoney(cents);\n`,
    );
    const routes = join(root, 'src/modules/catalog/routes/product.routes.ts');
    writeFileSync(routes, `${readFileSync(routes, 'utf8')}\nexport { searchLabel } from '../index';\n`);

    const partial = await analyzeCounting(root);
    // Only the two changed files are read at all; a full run reads all 157, if only from the facts cache.
    expect(partial.events.filter((e) => e.type === 'file-parsed')).toEqual([
      { type: 'file-parsed', done: 1, total: 2, cached: false },
      { type: 'file-parsed', done: 2, total: 2, cached: false },
    ]);
    const full = await analyze({ root, cache: false });
    expect(partial.graph).toEqual({ ...full, timings: partial.graph.timings });
    expect(
      full.edges.find(
        (e) => e.from === 'src/modules/catalog/routes/product.routes.ts' && e.names.includes('searchLabel'),
      )?.providers,
    ).toEqual({
      searchLabel: 'src/modules/catalog/services/product-search.service.ts',
    });

    const again = await analyzeCounting(root);
    expect(again.parsed).toBe(0);
    expect(again.graph).toEqual({ ...full, timings: again.graph.timings });
  });

  it('keeps table accesses and data nodes as a full run gives them when a file and the schema change', async () => {
    await analyzeCounting(root);
    const { readFileSync } = await import('node:fs');
    const repository = join(root, 'src/repositories/refund.repository.ts');
    writeFileSync(repository, readFileSync(repository, 'utf8').replaceAll("'refunds'", "'payment_refunds'"));
    const schema = join(root, 'db/schema.sql');
    writeFileSync(
      schema,
      readFileSync(schema, 'utf8').replace('CREATE TABLE refunds (', 'CREATE TABLE payment_refunds ('),
    );

    const partial = await analyzeCounting(root);
    expect(partial.parsed).toBe(1);
    const full = await analyze({ root, cache: false });
    expect(partial.graph).toEqual({ ...full, timings: partial.graph.timings });
    expect(full.data!.filter((d) => d.from === 'src/repositories/refund.repository.ts').map((d) => d.table)).toEqual([
      'payment_refunds',
      'payment_refunds',
    ]);
    expect(full.tables!.find((t) => t.name === 'payment_refunds')!.models[0]!.references).toEqual([
      'payments',
      'orders',
    ]);
    expect(full.tables!.some((t) => t.name === 'refunds')).toBe(false);
  });
  it('updates a graph that was itself updated: the export tables it kept undecoded still hold', async () => {
    await analyzeCounting(root);
    const cacheFiles = () => readdirSync(join(root, '.seams/cache')).filter((name) => name.startsWith('graph'));
    const [graphFile] = cacheFiles();
    const written = readFileSync(join(root, '.seams/cache', graphFile!));
    const edit = (file: string, text: string) => appendFileSync(join(root, file), text);
    edit('src/modules/catalog/services/product-search.service.ts', '\nexport const searchLimit = 20;\n');
    expect((await analyzeCounting(root)).parsed).toBe(1);
    // A file that re-exports through the barrel the first edit went through.
    edit('src/modules/catalog/routes/product.routes.ts', "\nexport { searchLimit } from '../index';\n");
    const second = await analyzeCounting(root);
    expect(second.parsed).toBe(1);
    const full = await analyze({ root, cache: false });
    expect(second.graph).toEqual({ ...full, timings: second.graph.timings });
    // Both updates wrote only what changed, beside the graph cache the first run wrote, which is as it was.
    expect(cacheFiles()).toEqual([graphFile, graphFile!.replace('graph-', 'graphdelta-')]);
    expect(readFileSync(join(root, '.seams/cache', graphFile!)).equals(written)).toBe(true);
    const third = await analyzeCounting(root);
    expect([third.parsed, third.cached]).toEqual([0, 0]);
    expect(third.graph).toEqual({ ...full, timings: third.graph.timings });
    expect(full.files.find((f) => f.path === 'src/modules/catalog/routes/product.routes.ts')?.exports).toContain(
      'searchLimit',
    );
  });
});

describe('use cases after a partial update', () => {
  const routers = join(import.meta.dirname, '../../../fixtures/entry-points/express-local-routers');
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seams-use-cases-'));
    cpSync(routers, root, { recursive: true });
    // Enough other files that one edited file is a partial update (at most a tenth of the files changed).
    mkdirSync(join(root, 'src/lib'));
    for (let i = 0; i < 10; i++) writeFileSync(join(root, `src/lib/helper-${i}.js`), `module.exports = ${i};\n`);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const sameAsFullRun = async () => {
    const partial = await analyzeCounting(root);
    // Only the edited file was read: a partial update.
    expect(partial.events.filter((e) => e.type === 'file-parsed')).toHaveLength(1);
    const full = await analyze({ root, cache: false });
    expect(partial.graph).toEqual({ ...full, timings: partial.graph.timings });
    return full.useCases!.map((useCase) => useCase.id);
  };

  it('keeps them when no entry point changed, and composes them again when a route or a mount did', async () => {
    const before = (await analyzeCounting(root)).graph.useCases!.map((useCase) => useCase.id);
    expect(before).toContain('http GET /v2/api/users');
    // The edited file declares a route, unchanged, and mounts nothing.
    appendFileSync(join(root, 'src/stats.js'), '\n// counted nightly\n');
    expect(await sameAsFullRun()).toEqual(before);
    appendFileSync(join(root, 'src/users.js'), "\nrouter.get('/users/:id', (req, res) => res.json({}));\n");
    expect(await sameAsFullRun()).toContain('http GET /v2/api/users/:id');
    // The prefix of every route comes from the mount in app.js.
    const app = join(root, 'src/app.js');
    writeFileSync(app, readFileSync(app, 'utf8').replace("'/v2'", "'/v3'"));
    expect(await sameAsFullRun()).toContain('http GET /v3/api/users/:id');
  });
});

describe('cache folder: seams deletes only what it wrote', () => {
  let root: string;
  let scratch: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seams-own-'));
    scratch = mkdtempSync(join(tmpdir(), 'seams-own-dir-'));
    cpSync(fixture, root, { recursive: true });
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });
  const listing = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => name.replace(/-[\w.]+-oxc[\w.]+-\w+\.bin/, '-<stamp>.bin'))
      .sort();

  it('keeps a user’s graph-*.bin and facts-*.bin in --cache-dir, caching in its own tagged subfolder', async () => {
    writeFileSync(join(scratch, 'graph-2024.bin'), 'mine');
    writeFileSync(join(scratch, 'facts-notes.bin'), 'mine');
    await analyze({ root, cacheDir: scratch });
    const second = await stepsOf(root, scratch);
    expect(second).toEqual(['discover', 'reuse']);
    expect(listing(scratch)).toEqual([
      'facts-notes.bin',
      'graph-2024.bin',
      'seams-cache',
      'seams-cache/CACHEDIR.TAG',
      'seams-cache/facts-<stamp>.bin',
      'seams-cache/graph-<stamp>.bin',
    ]);
    expect(readFileSync(join(scratch, 'seams-cache/CACHEDIR.TAG'), 'utf8')).toMatch(
      /^Signature: 8a477f597d28d172789f06886806bc55\n/,
    );
  });

  it('in its own folder, drops other versions and a killed run’s temporaries (over 10 minutes old)', async () => {
    await analyze({ root, cacheDir: scratch });
    for (const name of ['graph-old.bin', 'graph-old.bin.4242.tmp', 'facts-old.bin.4343.tmp', 'notes.txt'])
      writeFileSync(join(scratch, name), 'x');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(join(scratch, 'graph-old.bin.4242.tmp'), hourAgo, hourAgo);
    writeFileSync(join(root, 'src/order.model.ts'), 'export interface Order {\n  id: number;\n}\n');
    await analyze({ root, cacheDir: scratch });
    // facts-old.bin.4343.tmp is recent: it may be another run's, writing now.
    expect(listing(scratch)).toEqual([
      'CACHEDIR.TAG',
      'facts-<stamp>.bin',
      'facts-old.bin.4343.tmp',
      'graph-<stamp>.bin',
      'notes.txt',
    ]);
  });

  it('takes an untagged default .seams/cache, as an older seams left it, as its own', async () => {
    mkdirSync(join(root, '.seams/cache'), { recursive: true });
    writeFileSync(join(root, '.seams/cache/graph-0.0.9-oxc0.1.0-0123456789ab.bin'), 'old');
    await analyze({ root });
    expect(listing(join(root, '.seams/cache'))).toEqual(['CACHEDIR.TAG', 'facts-<stamp>.bin', 'graph-<stamp>.bin']);
  });

  it('creates .seams with a .gitignore of everything, and leaves an existing .seams as it is', async () => {
    await analyze({ root });
    expect(readFileSync(join(root, '.seams/.gitignore'), 'utf8')).toBe(
      '# Created by seams: nothing here belongs in git.\n*\n',
    );
    rmSync(join(root, '.seams'), { recursive: true });
    mkdirSync(join(root, '.seams'));
    await analyze({ root });
    expect(readdirSync(join(root, '.seams'))).toEqual(['cache']);
  });
});

async function stepsOf(root: string, cacheDir: string): Promise<string[]> {
  const steps: string[] = [];
  await analyze({
    root,
    cacheDir,
    onProgress: (event) => {
      if (event.type === 'step-end') steps.push(event.step);
    },
  });
  return steps;
}
