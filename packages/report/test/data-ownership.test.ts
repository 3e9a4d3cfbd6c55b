import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraph, parsePlan, tableOwnership } from '@seams/graph';
import { buildReportModel, renderReport } from '../src/index.ts';

// The small shop's plan with hand-written table accesses (graph.json): every case of ownership is
// there once. Expectations are worked out from the accesses, never copied from output.
const fixture = join(import.meta.dirname, '../../../fixtures/report/data');
const read = (file: string) => JSON.parse(readFileSync(join(fixture, file), 'utf8')) as unknown;
const graph = parseGraph(read('graph.json'));
const plan = parsePlan(read('plan.json'));
const ownership = tableOwnership(graph, plan);
const tableOf = (name: string) => ownership.tables.find((t) => t.name === name)!;

describe('table ownership', () => {
  it('gives each table to the service that writes it, ties to the first in the plan', () => {
    expect(ownership.tables.map((t) => [t.name, t.owner ?? null, t.pattern?.kind ?? null])).toEqual([
      // The shared kernel writes it twice, catalog once: it stays with the kernel, and catalog must not write it.
      ['exchange_rates', null, 'choose-owner'],
      // Written by payments, read by shipping alone.
      ['invoices', 'payments', 'database-view'],
      // order and payments write it once each: order comes first in the plan; shipping and payments read it.
      ['orders', 'order', 'wrapping-service'],
      ['payments', 'payments', null],
      // catalog writes it; order and shipping read it.
      ['products', 'catalog', 'change-data-capture'],
      ['shipments', 'shipping', null],
      // catalog reserves, order decrements in placeOrder.
      ['stock', 'catalog', 'wrapping-service'],
    ]);
    expect(tableOf('orders').writers).toEqual([
      { service: 'order', sites: [{ file: 'src/orders/order-service.ts', line: 30, function: 'placeOrder' }] },
      { service: 'payments', sites: [{ file: 'src/payments/payment-gateway.ts', line: 41, function: 'capture' }] },
    ]);
    expect(tableOf('exchange_rates').writers).toEqual([
      { service: 'catalog', sites: [{ file: 'src/catalog/product.ts', line: 20, function: 'convertPrices' }] },
      {
        sites: [
          { file: 'src/shared/money.ts', line: 9, function: 'refreshRates' },
          { file: 'src/shared/money.ts', line: 12, function: 'refreshRates' },
        ],
      },
    ]);
    expect(tableOf('stock').declaredIn).toEqual({ file: 'db/schema.sql', line: 5 });
  });

  it("takes a person's word: a service's tables list in the plan decides the owner", () => {
    const declared = {
      ...plan,
      services: plan.services.map((s) => (s.id === 'payments' ? { ...s, tables: ['orders'] } : s)),
    };
    const orders = tableOwnership(graph, declared).tables.find((t) => t.name === 'orders')!;
    expect([orders.owner, orders.pattern?.kind]).toEqual(['payments', 'wrapping-service']);
  });

  it('leaves out migrations and seeds the plan sets apart: they write every table and own none', () => {
    const migration = { from: 'db/migrations/001-init.ts', line: 3, table: 'orders', access: 'write' as const };
    const withMigration = { ...graph, data: [...graph.data!, { ...migration, detector: 'sql' }] };
    const setApart = {
      ...plan,
      shared: [...plan.shared, { path: migration.from, reason: 'migration', group: 'migrations' }],
    };
    expect(tableOwnership(withMigration, setApart).tables.find((t) => t.name === 'orders')!.writers).toEqual(
      tableOf('orders').writers,
    );
    // Unplanned, the same file is a writer that is no service.
    expect(tableOwnership(withMigration, plan).tables.find((t) => t.name === 'orders')!.writers).toHaveLength(3);
  });

  it('finds functions writing tables of two owners, and foreign keys between owners', () => {
    expect(ownership.transactions).toEqual([
      {
        file: 'src/orders/order-service.ts',
        function: 'placeOrder',
        service: 'order',
        writes: [
          { table: 'orders', owner: 'order', lines: [30] },
          { table: 'stock', owner: 'catalog', lines: [31] },
        ],
      },
      {
        file: 'src/payments/payment-gateway.ts',
        function: 'capture',
        service: 'payments',
        writes: [
          { table: 'payments', owner: 'payments', lines: [40] },
          { table: 'orders', owner: 'order', lines: [41] },
        ],
      },
    ]);
    // stock -> products stays inside catalog.
    expect(ownership.foreignKeys).toEqual([
      { table: 'invoices', owner: 'payments', references: 'orders', referencedOwner: 'order' },
      { table: 'payments', owner: 'payments', references: 'orders', referencedOwner: 'order' },
      { table: 'shipments', owner: 'shipping', references: 'orders', referencedOwner: 'order' },
    ]);
  });

  it("puts each service's tables on its card", () => {
    const model = buildReportModel(graph, plan);
    expect(Object.fromEntries(model.services.map((card) => [card.id, card.data]))).toEqual({
      // crossing, one per site on each side: catalog writes exchange_rates (1), order and shipping read products (2),
      // order writes stock (1); order: payments writes and reads orders, shipping reads it (3), it reads products
      // and writes stock (2); payments: shipping reads invoices (1), it writes and reads orders (2); shipping: 3 reads.
      catalog: { owns: ['products', 'stock'], alsoWrites: [{ table: 'exchange_rates' }], reads: [], crossing: 4 },
      order: {
        owns: ['orders'],
        alsoWrites: [{ table: 'stock', owner: 'catalog' }],
        reads: [{ table: 'products', owner: 'catalog' }],
        crossing: 5,
      },
      payments: {
        owns: ['invoices', 'payments'],
        alsoWrites: [{ table: 'orders', owner: 'order' }],
        reads: [],
        crossing: 3,
      },
      shipping: {
        owns: ['shipments'],
        alsoWrites: [],
        reads: [
          { table: 'invoices', owner: 'payments' },
          { table: 'orders', owner: 'order' },
          { table: 'products', owner: 'catalog' },
        ],
        crossing: 3,
      },
    });
    // The extraction order counts them: each is an API call, a view or a stream to set up first.
    const steps = new Map(model.extractionOrder.map((step) => [step.service, step]));
    const without = buildReportModel({ ...graph, data: [], tables: [] }, plan);
    for (const step of without.extractionOrder)
      expect(steps.get(step.service)!.entanglement).toBe(
        step.entanglement! + model.services.find((card) => card.id === step.service)!.data!.crossing,
      );
    expect(steps.get('order')!.reason).toContain('5 table accesses cross its boundary');
  });

  it('has no data section when the graph has no table accesses', () => {
    const { data: _, tables: __, ...bare } = graph;
    expect(buildReportModel(bare, plan).data).toBeUndefined();
  });
});

describe('data ownership in the reports', () => {
  const model = buildReportModel(graph, plan);

  it('renders the Markdown a person reviews', async () => {
    await expect(await renderReport('md', model)).toMatchFileSnapshot('../../../fixtures/report/data/report.md');
  });

  it('renders the section in the HTML report', async () => {
    const page = await renderReport('html', model);
    const section = page.slice(
      page.indexOf('<section id="data"'),
      page.indexOf('</section>', page.indexOf('<section id="data"')),
    );
    expect(section).toContain('<h2 id="data-heading">Data ownership</h2>');
    expect(section).toContain(
      '<th scope="row"><code>placeOrder</code> in <code>src/orders/order-service.ts</code></th>',
    );
    expect(page).toContain(
      '<p class="card-data">Data: owns <code>orders</code>; also writes <code>stock</code> (<a class="service-ref colour-0" href="#card-catalog"',
    );
  });
});
