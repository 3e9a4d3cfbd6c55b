import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraph, parsePlan, type Plan } from '@seams/graph';
import { buildReportModel, renderReport, REPORTERS, type ReportModel } from '../src/index.ts';
import { fileDependencies } from '../src/file-dependencies.ts';
import { publicApis } from '../src/public-api.ts';
import { formatHtml } from '../src/html/format-html.ts';

// Facts below are read off the fixture by hand (see the edges in graph.json), never copied from output.
const fixture = join(import.meta.dirname, '../../../fixtures/report/small-shop');
const read = (file: string) => JSON.parse(readFileSync(join(fixture, file), 'utf8')) as unknown;
const graph = parseGraph(read('graph.json'));
const plan = parsePlan(read('plan.json'));
const previous = parsePlan(read('previous.plan.json'));
const model = buildReportModel(graph, plan, { previous });
const card = (id: string) => model.services.find((service) => service.id === id)!;

describe('buildReportModel on the small shop', () => {
  it('weighs services by file pairs, as the plan metrics do', () => {
    // orders>catalog: order-service>inventory, order>product; shipping>orders: tracking>order-service and
    // shipment>order through the barrel, not shipment>index.
    expect(model.links).toEqual([
      { from: 'orders', to: 'catalog', weight: 2 },
      { from: 'orders', to: 'shipping', weight: 1 },
      { from: 'payments', to: 'orders', weight: 1 },
      { from: 'shipping', to: 'catalog', weight: 1 },
      { from: 'shipping', to: 'orders', weight: 2 },
    ]);
    for (const service of plan.services) {
      const outbound = Object.fromEntries(card(service.id).outbound.map((link) => [link.service, link.weight]));
      expect(outbound).toEqual(service.metrics.outbound);
      expect(card(service.id).metrics.interfaceFiles).toBe(service.metrics.interfaceFiles.length);
    }
  });

  it('credits names imported through a barrel to the files that declare them', () => {
    expect(card('orders').publicApi).toEqual([
      {
        name: 'markShipped',
        file: 'src/orders/order-service.ts',
        callers: ['src/shipping/tracking.ts'],
        typeOnly: false,
      },
      {
        name: 'Order',
        file: 'src/orders/order.ts',
        callers: ['src/payments/invoice.ts', 'src/shipping/shipment.ts'],
        typeOnly: true,
      },
      { name: 'orderTotal', file: 'src/orders/order.ts', callers: ['src/payments/invoice.ts'], typeOnly: false },
    ]);
    // A namespace import is the whole module: shown as '*', since it is the only name on its edge.
    expect(card('catalog').publicApi.map((entry) => `${entry.file}#${entry.name}`)).toEqual([
      'src/catalog/inventory.ts#releaseStock',
      'src/catalog/inventory.ts#reserveStock',
      'src/catalog/product.ts#*',
      'src/catalog/product.ts#Product',
    ]);
    expect(card('payments').publicApi).toEqual([]);
  });

  it('finds who breaks when a service is down', () => {
    // catalog is called by orders and shipping; payments calls orders, so it breaks too.
    expect(card('catalog').blastRadius).toEqual({ direct: ['orders', 'shipping'], count: 3, through: ['payments'] });
    // orders <-> shipping: orders itself is not in its own radius.
    expect(card('orders').blastRadius).toEqual({ direct: ['payments', 'shipping'], count: 2, through: [] });
    expect(card('payments').blastRadius).toEqual({ direct: [], count: 0, through: [] });
  });

  it('lists cycles, shared kernel use and shared kernel users', () => {
    expect(card('shipping').cycles).toEqual([['orders', 'shipping']]);
    expect(card('catalog').cycles).toEqual([]);
    expect(card('shipping').sharedKernelUsed).toEqual(['src/shared/money.ts']);
    expect(model.shared).toEqual([
      { path: 'src/shared/db.ts', reason: 'used by 4 files in 3 parts', usedBy: ['catalog', 'orders', 'payments'] },
      {
        path: 'src/shared/money.ts',
        reason: 'used by 5 files in 4 parts',
        usedBy: ['catalog', 'orders', 'payments', 'shipping'],
      },
    ]);
  });

  it('orders extraction least entangled first, with reasons and effort', () => {
    // entanglement = inbound + api + outbound + 10 × (cycle size - 1); score adds ⌈loc / 250⌉ (all under 250: +1).
    // payments 0+0+1 = 1; catalog 3+4+0 = 7; shipping 1+1+3+10 = 15; orders 3+3+3+10 = 19.
    expect(
      model.extractionOrder.map(({ service, entanglement, effortScore, effort }) => [
        service,
        entanglement,
        effortScore,
        effort,
      ]),
    ).toEqual([
      ['payments', 1, 2, 'S'],
      ['catalog', 7, 8, 'M'],
      ['shipping', 15, 16, 'L'],
      ['orders', 19, 20, 'L'],
    ]);
    expect(model.extractionOrder[0]!.reason).toBe(
      'no other service depends on it; calls orders (1 file dependency); uses 2 shared files',
    );
    expect(model.extractionOrder[3]!.reason).toBe(
      'called by shipping and payments through 3 names; calls catalog and shipping (3 file dependencies); uses 2 shared files; in a cycle with shipping: break the cycle first',
    );
  });

  it('says what changed since the previous plan', () => {
    expect(model.changes).toMatchObject({
      added: [],
      removed: [],
      renamed: [{ id: 'shipping', from: 'delivery', to: 'shipping' }],
      movedFiles: [{ path: 'src/shipping/tracking.ts', from: 'orders', to: 'shipping' }],
      sharedAdded: [],
      sharedRemoved: [],
    });
    expect(model.changes!.metricDeltas.ned).toBeCloseTo(1 - 0.615385, 6);
    expect(Object.keys(model.changes!.metricDeltas)).toEqual([
      'modularity',
      'structuralModularity',
      'icp',
      'ifn',
      'ned',
      'mq',
    ]);
    expect(buildReportModel(graph, plan).changes).toBeUndefined();
  });

  it('sees added and removed services and the shared kernel moving', () => {
    const older: Plan = {
      ...previous,
      services: [
        ...previous.services.filter((service) => service.id !== 'catalog'),
        { ...previous.services[0]!, id: 'inventory', name: 'inventory' },
      ],
      shared: [
        { path: 'src/shared/db.ts', reason: 'x' },
        { path: 'src/orders/index.ts', reason: 'y' },
      ],
    };
    const changes = buildReportModel(graph, plan, { previous: older }).changes!;
    expect(changes).toMatchObject({
      added: ['catalog'],
      removed: ['inventory'],
      sharedAdded: ['src/shared/money.ts'],
      sharedRemoved: ['src/orders/index.ts'],
    });
    // catalog's files were in 'inventory' before.
    expect(changes.movedFiles.filter((move) => move.from === 'inventory').map((move) => move.to)).toEqual([
      'catalog',
      'catalog',
      'catalog',
    ]);
  });
});

describe('reporters', () => {
  it('match the reviewed golden files', async () => {
    await expect(await renderReport('md', model)).toMatchFileSnapshot('../../../fixtures/report/small-shop/report.md');
    await expect(await renderReport('mermaid', model)).toMatchFileSnapshot(
      '../../../fixtures/report/small-shop/report.mmd',
    );
    await expect(await renderReport('dot', model)).toMatchFileSnapshot(
      '../../../fixtures/report/small-shop/report.dot',
    );
  });

  it('writes the model as JSON, whole', async () => {
    expect(JSON.parse(await renderReport('json', model))).toEqual(JSON.parse(JSON.stringify(model)));
  });

  it('rejects an unknown format, naming the known ones', async () => {
    await expect(renderReport('pdf', model)).rejects.toThrow(
      /Unknown report format 'pdf'; choose one of md, mermaid, dot, json/,
    );
    await expect(renderReport('toString', model)).rejects.toThrow(/Unknown report format/);
    expect(Object.keys(REPORTERS)).toEqual(expect.arrayContaining(['md', 'mermaid', 'dot', 'json']));
  });

  it('escapes names that would break Mermaid, DOT and Markdown', async () => {
    const odd: ReportModel = {
      ...model,
      services: model.services.map((service) =>
        service.id === 'orders' ? { ...service, id: 'end "x"', name: 'say "hi" <b>#1 | a_b' } : service,
      ),
    };
    odd.links = model.links.map((link) => ({ ...link, from: link.from === 'orders' ? 'end "x"' : link.from }));
    const mermaid = await renderReport('mermaid', odd);
    expect(mermaid).toContain('svc_end__x_["say #quot;hi#quot; #lt;b#gt;#35;1 | a_b<br/>4 files"]');
    expect(mermaid).toContain('svc_end__x_ -->|2| svc_catalog');
    const dot = await renderReport('dot', odd);
    expect(dot).toContain('"end \\"x\\"" [label="say \\"hi\\" <b>#1 | a_b\\n4 files"];');
    const markdown = await renderReport('md', odd);
    expect(markdown).toContain('### say "hi" \\<b\\>\\#1 \\| a\\_b');
  });

  it('tells the shared kernel apart from files that are not services (tests, migrations)', async () => {
    // seams boundaries puts both in the plan's shared list; only the ones without a group are the kernel.
    const grouped = buildReportModel(graph, {
      ...plan,
      shared: [
        ...plan.shared,
        { path: 'test/orders.test.ts', reason: 'test or test set-up', group: 'tests' },
        { path: 'test/setup.ts', reason: 'test or test set-up', group: 'tests' },
        { path: 'migrations/001-init.ts', reason: 'database migration or seed', group: 'migrations' },
      ],
    });
    const markdown = await renderReport('md', grouped);
    expect(markdown).toContain(
      'plus 2 files in the shared kernel and 3 files that are not services (tests 2, migrations 1);',
    );
    const kernel = markdown.slice(markdown.indexOf('## Shared kernel'), markdown.indexOf('## Not services'));
    expect(kernel).toContain('`src/shared/money.ts`');
    expect(kernel).not.toContain('test/');
    expect(markdown).toContain(
      '| group | files | for example |\n| --- | ---: | --- |\n| tests | 2 | `test/orders.test.ts`, `test/setup.ts` |\n' +
        '| migrations | 1 | `migrations/001-init.ts` |',
    );
    expect(await renderReport('mermaid', grouped)).toContain('shared kernel<br/>2 files');
    expect(await renderReport('dot', grouped)).toContain('shared kernel\\n2 files');
    const page = formatHtml(grouped);
    expect(page).toContain('2 files form the shared kernel, 3 files are not services (tests, tool configs...);');
    expect(page).toContain('<summary>tests (2)</summary>');
    // A service using a file set apart (vendored code here) uses no shared kernel file through it.
    const vendored = buildReportModel(graph, {
      ...plan,
      shared: plan.shared.map((file) =>
        file.path === 'src/shared/money.ts'
          ? { ...file, reason: 'vendored third-party code', group: 'vendored' }
          : file,
      ),
    });
    expect(vendored.services.find((service) => service.id === 'shipping')!.sharedKernelUsed).toEqual([]);
    // Without groups nothing changes: no section, the old sentence.
    expect(await renderReport('md', model)).not.toContain('Not services');
  });

  it('folds the file table of a large service away', async () => {
    const files = Array.from({ length: 11 }, (_, i) => ({ path: `src/big/f${i}.ts`, loc: 1, confidence: 1 }));
    const big: ReportModel = { ...model, services: [{ ...card('catalog'), files }] };
    expect(await renderReport('md', big)).toContain(
      '<details>\n<summary><b>Files</b> (11)</summary>\n\n| file | loc | confidence |',
    );
    expect(await renderReport('md', model)).not.toContain('<details>');
  });
});

describe('fileDependencies', () => {
  it("counts a namespace import as one name when it is the edge's only one, as the plan's apiSurface does", () => {
    // The edges of boundaries' metrics test, by hand: B's api is b.ts#*, C's c.ts#Y and c.ts#default.
    const edge = { from: 'a.ts', kind: 'import' as const, specifier: 'x', line: 1 };
    const { uses } = fileDependencies([
      { ...edge, to: 'b.ts', names: ['*'] },
      { ...edge, to: 'c.ts', names: ['default', '*'] },
      { ...edge, kind: 'type' as const, to: 'c.ts', names: ['Y'], line: 2 },
    ]);
    const apis = publicApis(
      uses,
      new Map([
        ['a.ts', 'A'],
        ['b.ts', 'B'],
        ['c.ts', 'C'],
      ]),
    );
    expect(apis.get('B')!.map((entry) => `${entry.file}#${entry.name}`)).toEqual(['b.ts#*']);
    expect(apis.get('C')!.map((entry) => `${entry.file}#${entry.name}`)).toEqual(['c.ts#Y', 'c.ts#default']);
  });

  it('drops a namespace import next to named ones, keeps a side-effect import as a pair', () => {
    const edge = { kind: 'import' as const, specifier: 'x', line: 1 };
    const { pairs, uses } = fileDependencies([
      { ...edge, from: 'a', to: 'b', names: ['*', 'x'] },
      { ...edge, from: 'a', to: 'c', names: [] },
    ]);
    expect(pairs).toEqual([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
    ]);
    expect(uses).toEqual([{ from: 'a', to: 'b', name: 'x', type: false }]);
  });
});
