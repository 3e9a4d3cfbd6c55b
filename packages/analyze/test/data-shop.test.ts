import { join } from 'node:path';
import { expect, test } from 'vitest';
import { analyze } from '../src/analyze.ts';

const shop = join(import.meta.dirname, '../../../fixtures/shop');

test('the example monolith: every table its repositories open through db.table, with reads and writes by function', async () => {
  const graph = await analyze({ root: shop, cache: false });
  const data = graph.data ?? [];
  const payments = data.filter((d) => d.from === 'src/repositories/payment.repository.ts');
  expect(payments).toEqual([
    {
      from: 'src/repositories/payment.repository.ts',
      line: 7,
      table: 'payments',
      access: 'write',
      detector: 'query-builder',
      function: 'insertPayment',
    },
    {
      from: 'src/repositories/payment.repository.ts',
      line: 11,
      table: 'payments',
      access: 'read',
      detector: 'query-builder',
      function: 'findPaymentById',
    },
    {
      from: 'src/repositories/payment.repository.ts',
      line: 15,
      table: 'payments',
      access: 'read',
      detector: 'query-builder',
      function: 'findPaymentsByOrder',
    },
    {
      from: 'src/repositories/payment.repository.ts',
      line: 19,
      table: 'payments',
      access: 'read',
      detector: 'query-builder',
      function: 'findPaymentByProviderRef',
    },
    {
      from: 'src/repositories/payment.repository.ts',
      line: 23,
      table: 'payments',
      access: 'write',
      detector: 'query-builder',
      function: 'updatePayment',
    },
  ]);
  expect(data.find((d) => d.function === 'saveStock')).toEqual({
    from: 'src/repositories/stock.repository.ts',
    line: 15,
    table: 'stock_items',
    access: 'write',
    detector: 'query-builder',
    function: 'saveStock',
  });
  // The 16 tables of `grep -rn "db.table" fixtures/shop/src`.
  expect([...new Set(data.map((d) => d.table))].sort()).toEqual([
    'addresses',
    'carts',
    'categories',
    'coupons',
    'customers',
    'notification_preferences',
    'order_history',
    'orders',
    'outbox',
    'payments',
    'products',
    'refunds',
    'reservations',
    'shipments',
    'stock_items',
    'warehouses',
  ]);
  expect(data).toHaveLength(79);
  // The shortcut of customer erasure: one function deletes rows of four tables.
  expect(data.filter((d) => d.function === 'eraseCustomer').map((d) => [d.line, d.table, d.access])).toEqual([
    [70, 'customers', 'write'],
    [71, 'addresses', 'read'],
    [72, 'addresses', 'write'],
    [74, 'carts', 'read'],
    [75, 'carts', 'write'],
    [77, 'notification_preferences', 'write'],
  ]);
  // db/schema.sql declares the same 16 tables, with their foreign keys.
  expect(
    graph.tables!.map((t) => [t.name, t.models.map((m) => `${m.from}:${m.line}`), t.models[0]!.references ?? []]),
  ).toContainEqual(['orders', ['db/schema.sql:93'], ['customers', 'carts', 'reservations']]);
  expect(graph.tables!.every((t) => t.models.length === 1 && t.models[0]!.from === 'db/schema.sql')).toBe(true);
  expect(graph.tables).toHaveLength(16);
  // Ordered as the graph lists files, then by line.
  const order = new Map(graph.files.map((f, i) => [f.path, i]));
  expect(
    data.every(
      (d, i) =>
        i === 0 ||
        order.get(data[i - 1]!.from)! < order.get(d.from)! ||
        (data[i - 1]!.from === d.from && data[i - 1]!.line <= d.line),
    ),
  ).toBe(true);
});
