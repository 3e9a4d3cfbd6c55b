import { describe, expect, test } from 'vitest';
import { parseFile } from '../src/parse-file.ts';
import { analyze } from '../src/analyze.ts';
import { detectorFixture } from './data-fixture.ts';

const { fixture, factsOf, access: s, model: m } = detectorFixture('sequelize');

describe('sequelize detector', () => {
  test('sequelize.define: tableName, the default plural, freezeTableName, and the variable as a second name', () => {
    const facts = factsOf('src/models/order.model.ts');
    expect(facts.models).toEqual([
      m(4, 'Order', 'orders'),
      m(15, 'OrderLine', 'OrderLines'),
      m(21, 'OrderEvent', 'OrderEvent'),
      m(21, 'OrderEventModel', 'OrderEvent'),
      // `hasMany` keys the target: these add `Order` to the references of the models declared under those names.
      { ...m(23, 'OrderLine', 'OrderLine'), references: ['Order'], keysOnly: true },
      { ...m(24, 'OrderEventModel', 'OrderEventModel'), references: ['Order'], keysOnly: true },
    ]);
    expect(facts.data).toBeUndefined();
  });

  test('class + init, also this.init with a modelName; a static method calling the model before init is seen', () => {
    const facts = factsOf('src/models/customer.model.ts');
    expect(facts.models).toEqual([
      m(14, 'Customer', 'customers'),
      m(28, 'Address', 'CustomerAddresses'),
      m(28, 'CustomerAddress', 'CustomerAddresses'),
    ]);
    expect(facts.data).toEqual([s(10, 'Customer', 'read', 'Customer.byEmail')]);
  });

  test('sequelize-typescript: @Table with options and bare @Table', () => {
    const facts = factsOf('src/models/invoice.model.ts');
    expect(facts.models).toEqual([m(4, 'Invoice', 'invoices'), m(16, 'InvoiceCategory', 'InvoiceCategories')]);
    expect(facts.data).toBeUndefined();
  });

  test('static calls on imported models, inside a transaction too; build and instance writes are no accesses', () => {
    const facts = factsOf('src/services/checkout.service.ts');
    expect(facts.data).toEqual([
      s(9, 'Customer', 'read', 'checkout'),
      s(9, 'Order', 'read', 'checkout'),
      s(13, 'Order', 'write', 'checkout'),
      s(14, 'OrderLine', 'write', 'checkout'),
      s(15, 'Customer', 'write', 'checkout'),
      s(21, 'Order', 'read', 'cancel'),
      s(29, 'Order', 'read', 'openOrders'),
    ]);
    expect(facts.models).toBeUndefined();
  });

  test('sequelize.models.X and sequelize.model(X); raw SQL is left to the sql detector', () => {
    expect(factsOf('src/services/report.service.ts').data).toEqual([
      s(6, 'Order', 'read', 'ReportService.revenueByStatus'),
      s(10, 'Customer', 'read', 'ReportService.topCustomers'),
      s(14, 'Invoice', 'write', 'ReportService.purgeDrafts'),
      { line: 18, table: 'orders', access: 'read', detector: 'sql', function: 'ReportService.monthlyTotals' },
    ]);
  });

  test('models on a models module object: db.X, db.sequelize.models.X, db.sequelize.model(X)', () => {
    expect(factsOf('src/jobs/archive.job.ts').data).toEqual([
      s(5, 'Order', 'read', 'archiveDelivered'),
      s(7, 'Invoice', 'write', 'archiveDelivered'),
      s(8, 'OrderLine', 'write', 'archiveDelivered'),
    ]);
  });

  test('nothing in files that only set up or re-export, nor in a look-alike cache that mentions Sequelize', () => {
    for (const file of ['src/db.ts', 'src/models/index.ts', 'src/lib/order-cache.ts']) {
      const facts = factsOf(file);
      expect([file, facts.data, facts.models]).toEqual([file, undefined, undefined]);
    }
  });

  test('an ordinary file does not enable the detector', () => {
    expect(parseFile('a.ts', 'export const make = (o: object) => Object.create(o);\n').data).toBeUndefined();
  });
});

describe('models imported into a file that never names Sequelize', () => {
  test('are tentative in the facts, and count in the graph only where a model of that name is declared', async () => {
    const tentative = (line: number, table: string, access: 'read' | 'write', fn: string) => ({
      ...s(line, table, access, fn),
      tentative: true,
    });
    expect(factsOf('src/admin/purge.js').data).toEqual([
      tentative(5, 'Order', 'write', 'purgeOrders'),
      tentative(7, 'Invoice', 'read', 'invoiceCount'),
      tentative(10, 'Widget', 'read', 'widgets'),
    ]);
    const graph = await analyze({ root: fixture, cache: false });
    expect(
      graph.data!.filter((d) => d.from === 'src/admin/purge.js').map(({ line, table, model }) => [line, table, model]),
    ).toEqual([
      [5, 'orders', 'Order'],
      [7, 'invoices', 'Invoice'],
    ]);
  });
});

describe('a sequelize-cli models registry (models/index.js loading every model file onto one object)', () => {
  const cli = detectorFixture('sequelize-cli');

  test('registry.Model calls are tentative accesses in a file that never names Sequelize; parameters are no registry', () => {
    const tentative = (line: number, table: string, access: 'read' | 'write') => ({
      ...s(line, table, access),
      tentative: true,
    });
    expect(cli.factsOf('routes/users.js').data).toEqual([
      tentative(8, 'User', 'read'),
      tentative(12, 'User', 'write'),
      tentative(17, 'Cache', 'write'),
    ]);
    expect(cli.factsOf('routes/notes.js').data).toEqual([tentative(8, 'Note', 'read'), tentative(12, 'Note', 'write')]);
  });

  test('in the graph they map to the tables of the models the sibling files define, not to an unknown key', async () => {
    const graph = await analyze({ root: cli.fixture, cache: false });
    expect(graph.data!.map(({ from, line, table, access, model }) => [from, line, table, access, model])).toEqual([
      ['routes/notes.js', 8, 'notes', 'read', 'Note'],
      ['routes/notes.js', 12, 'notes', 'write', 'Note'],
      ['routes/users.js', 8, 'Users', 'read', 'User'],
      ['routes/users.js', 12, 'Users', 'write', 'User'],
    ]);
  });
});
