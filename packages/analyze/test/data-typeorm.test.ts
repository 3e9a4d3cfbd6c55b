import { describe, expect, test } from 'vitest';
import { analyze } from '../src/analyze.ts';
import { detectorFixture } from './data-fixture.ts';

const { fixture, factsOf, access: t, model } = detectorFixture('typeorm');

describe('typeorm', () => {
  test('entities declare their table: named, named in options, or the class name in snake_case; view entities too', () => {
    // A @ManyToOne is a foreign key to the related entity, named by class until the tables step.
    expect(factsOf('src/order.entity.ts').models).toEqual([
      { ...model(6, 'Order', 'orders'), references: ['Customer'] },
    ]);
    expect(factsOf('src/order-item.entity.ts').models).toEqual([
      { ...model(5, 'OrderItem', 'order_items'), references: ['Order'] },
    ]);
    expect(factsOf('src/customer.entity.ts').models).toEqual([model(5, 'Customer', 'customer')]);
    expect(factsOf('src/cart.entity.ts').models).toEqual([{ ...model(5, 'Cart', 'carts'), references: ['Customer'] }]);
    expect(factsOf('src/customer-totals.view.ts').models).toEqual([model(8, 'CustomerTotals', 'customer_totals')]);
    // Relation callbacks and a view's unexecuted query builder are no accesses.
    for (const file of [
      'src/order.entity.ts',
      'src/order-item.entity.ts',
      'src/customer.entity.ts',
      'src/cart.entity.ts',
      'src/customer-totals.view.ts',
    ]) {
      expect(factsOf(file).data).toBeUndefined();
    }
  });

  test('NestJS: injected and typed repositories, transaction and query runner managers', () => {
    const facts = factsOf('src/orders.service.ts');
    expect(facts.models).toBeUndefined();
    expect(facts.data).toEqual([
      t(21, 'Order', 'read', 'OrdersService.openOrders'),
      t(26, 'Customer', 'read', 'OrdersService.place'),
      t(29, 'Order', 'write', 'OrdersService.place'),
      t(31, 'OrderItem', 'write', 'OrdersService.place'),
      t(32, 'Cart', 'write', 'OrdersService.place'),
      t(38, 'OrderItem', 'write', 'OrdersService.cancel'),
      t(39, 'Order', 'write', 'OrdersService.cancel'),
      t(47, 'Order', 'write', 'OrdersService.archive'),
      t(58, 'OrderItem', 'read', 'OrdersService.countItems'),
    ]);
  });

  test('active record: static calls, this inside the entity, and a created instance saved', () => {
    const facts = factsOf('src/invoice.model.ts');
    expect(facts.models).toEqual([model(4, 'Invoice', 'invoices')]);
    expect(facts.data).toEqual([
      t(18, 'Invoice', 'read', 'Invoice.overdue'),
      t(23, 'Invoice', 'write', 'Invoice.markPaid'),
      t(29, 'Invoice', 'write', 'issueInvoice'),
      t(34, 'Invoice', 'read', 'purgePaid'),
      t(35, 'Invoice', 'write', 'purgePaid'),
      t(36, 'Invoice', 'read', 'purgePaid'),
    ]);
  });

  test('a DataSource repository and query builders, counted where they run', () => {
    expect(factsOf('src/report.ts').data).toEqual([
      t(11, 'Order', 'read', 'revenueByDay'),
      t(22, 'Customer', 'read', 'topCustomers'),
      t(26, 'Order', 'write', 'expireStale'),
      t(34, 'OrderItem', 'write', 'copyItems'),
      t(40, 'Order', 'read', 'purgeCancelled'),
      t(41, 'Order', 'write', 'purgeCancelled'),
      t(46, 'Customer', 'read', 'customerCount'),
    ]);
  });

  test('look-alikes: maps, arrays, a Repository<T> of its own and a non-TypeORM manager are no accesses', () => {
    const facts = factsOf('src/session-store.ts');
    expect(facts.data).toBeUndefined();
    expect(facts.models).toBeUndefined();
  });
});

describe('entities imported into a file that never names TypeORM', () => {
  test('are tentative in the facts, and count in the graph only where an entity of that name is declared', async () => {
    expect(factsOf('src/billing/dunning.job.ts').data).toEqual([
      { ...t(6, 'Invoice', 'read', 'overdueInvoices'), tentative: true },
      { ...t(11, 'Widget', 'read', 'widgetCount'), tentative: true },
    ]);
    const graph = await analyze({ root: fixture, cache: false });
    expect(
      graph
        .data!.filter((d) => d.from === 'src/billing/dunning.job.ts')
        .map(({ line, table, model }) => [line, table, model]),
    ).toEqual([[6, 'invoices', 'Invoice']]);
  });
});

describe("entities declared through a wrapper decorator (`@MultiORMEntity('deal')` over two ORMs)", () => {
  test('declare their table and foreign keys, so a repository of the class writes that table', async () => {
    const graph = await analyze({ root: detectorFixture('typeorm-wrapped').fixture, cache: false });
    expect(graph.tables).toEqual([
      {
        name: 'deal',
        models: [
          {
            from: 'src/deal/deal.entity.ts',
            line: 6,
            name: 'Deal',
            table: 'deal',
            detector: 'typeorm',
            references: ['pipeline'],
          },
        ],
      },
      // Its file never names TypeORM.
      {
        name: 'pipeline',
        models: [
          {
            from: 'src/pipeline/pipeline.entity.ts',
            line: 5,
            name: 'Pipeline',
            table: 'pipeline',
            detector: 'typeorm',
          },
        ],
      },
      // MikroORM's `@Entity({ tableName })` beside them.
      {
        name: 'pipeline_stages',
        models: [
          {
            from: 'src/pipeline/pipeline-stage.entity.ts',
            line: 6,
            name: 'PipelineStage',
            table: 'pipeline_stages',
            detector: 'typeorm',
            references: ['pipeline'],
          },
        ],
      },
    ]);
    // The generic base service's `Repository<T>` (src/core/crud.service.ts) is no table T.
    expect(graph.data).toEqual([
      {
        from: 'src/deal/deal.seed.ts',
        line: 6,
        table: 'deal',
        access: 'write',
        detector: 'typeorm',
        function: 'insertDeals',
        model: 'Deal',
      },
    ]);
  });
});
