import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../src/analyze.ts';
import { nameTables } from '../src/name-tables.ts';
import { createFileWalkers, parseFile } from '../src/parse-file.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures/data');
const dataOf = (detector: string, file: string) =>
  parseFile(file, readFileSync(join(fixtures, detector, file), 'utf8')).data;
const w = (line: number, table: string, access: 'read' | 'write', detector: string, fn?: string) => ({
  line,
  table,
  access,
  detector,
  ...(fn ? { function: fn } : {}),
});

describe('data detectors', () => {
  test('query-builder: knex chains, .from/.into, and table handles behind helpers', () => {
    const qb = (line: number, table: string, access: 'read' | 'write', fn?: string) =>
      w(line, table, access, 'query-builder', fn);
    expect(dataOf('query-builder', 'src/orders.repository.ts')).toEqual([
      qb(4, 'orders', 'write', 'placeOrder'),
      qb(5, 'order_events', 'write', 'placeOrder'),
      qb(9, 'orders', 'read', 'ordersOf'),
      qb(13, 'orders', 'write', 'archiveOld'),
      qb(17, 'orders', 'read', 'totals'),
    ]);
    expect(dataOf('query-builder', 'src/invoice.repository.ts')).toEqual([
      qb(8, 'ledger', 'write', 'InvoiceRepository.save'),
      qb(9, 'invoices', 'write', 'InvoiceRepository.save'),
      qb(12, 'invoices', 'read', 'InvoiceRepository.byId'),
      qb(15, 'invoices', 'read', 'countInvoices'),
      qb(22, 'invoice_lines', 'write', 'clearLines'),
    ]);
    // `knex('employee as emp')`: the table without its alias.
    expect(dataOf('query-builder', 'src/team.statistics.ts')).toEqual([
      qb(5, 'employee', 'read', 'weekHours'),
      qb(9, 'time_log', 'read', 'lastLogs'),
    ]);
  });

  test('sql: FROM and JOIN read, INSERT INTO, UPDATE ... SET, DELETE FROM write; prose, comments, CTEs are not', () => {
    const s = (line: number, table: string, access: 'read' | 'write', fn?: string) => w(line, table, access, 'sql', fn);
    expect(dataOf('sql', 'src/report.queries.ts')).toEqual([
      s(6, 'customers', 'read', 'revenueByCustomer'),
      s(7, 'orders', 'read', 'revenueByCustomer'),
      s(13, 'orders', 'write', 'markShipped'),
      s(14, 'order_events', 'write', 'markShipped'),
      s(17, 'public.sessions', 'write', 'purge'),
      // Not `here` (a comment) or `the` (a value), nor `expired`/`gone` (CTEs), nor `jsonb_each` (a function),
      // nor the catalog.
      s(26, 'sessions', 'read', 'staleSessions'),
      s(30, 'sessions', 'write', 'staleSessions'),
    ]);
    // Common table expressions (`chain`, `buyers`) and Oracle's DUAL are no tables.
    expect(dataOf('sql', 'src/order-chain.queries.ts')).toEqual([
      s(5, 'orders', 'read', 'rootOrder'),
      s(7, 'orders', 'read', 'rootOrder'),
      s(8, 'customers', 'read', 'rootOrder'),
    ]);
  });

  test('slonik: a table given as a value in sql templates, and helpers given a schema object', () => {
    const sl = (line: number, table: string, access: 'read' | 'write', fn?: string) =>
      w(line, table, access, 'slonik', fn);
    expect(dataOf('slonik', 'src/queries/user.ts')).toEqual([
      // `buildInsertIntoWithPool(pool)(Users)`: a helper whose name says insert, given the schema object.
      sl(10, 'Users', 'write', 'createUserQueries'),
      sl(15, 'Users', 'read', 'findUserById'),
      sl(20, 'Users', 'write', 'renameUser'),
      sl(24, 'UsersRoles', 'write', 'deleteUserRoles'),
      sl(28, 'user_events', 'write', 'purgeEvents'),
    ]);
    // The helper's own statement names its parameter's table: nothing to report there.
    expect(dataOf('slonik', 'src/database/insert-into.ts')).toBeUndefined();
  });

  test('slonik: a schema object meets the table its snake_case name declares', async () => {
    const graph = await analyze({ root: join(fixtures, 'slonik'), cache: false });
    expect(graph.data!.map(({ line, table, model }) => [line, table, model])).toEqual([
      [10, 'users', 'Users'],
      [15, 'users', 'Users'],
      [20, 'users', 'Users'],
      [24, 'users_roles', 'UsersRoles'],
      [28, 'user_events', undefined],
    ]);
    expect(graph.tables!.map((table) => [table.name, table.models.flatMap((m) => m.references ?? [])])).toEqual([
      ['user_events', []],
      ['users', []],
      ['users_roles', ['users']],
    ]);
  });

  test('prisma: model delegates on the client, this.prisma, a NestJS prismaService and a transaction client', () => {
    const p = (line: number, table: string, access: 'read' | 'write', fn?: string) =>
      w(line, table, access, 'prisma', fn);
    expect(dataOf('prisma', 'src/order.service.ts')).toEqual([
      p(10, 'cartItem', 'read', 'OrderService.place'),
      p(11, 'cartItem', 'write', 'OrderService.place'),
      p(12, 'order', 'write', 'OrderService.place'),
      // The nested `items: { create }` writes the related model, which the schema names (tables step).
      { ...p(12, 'order', 'write', 'OrderService.place'), via: [{ field: 'items', op: 'create' }] },
      p(17, 'order', 'read', 'OrderService.history'),
      p(23, 'order', 'read', 'orderCount'),
      p(31, 'order', 'read', 'OrderReportService.lastOrders'),
    ]);
  });

  test('prisma: schema.prisma maps each delegate to its table, relations give foreign keys, and every model is a data node', async () => {
    const graph = await analyze({ root: join(fixtures, 'prisma'), cache: false });
    expect(graph.data!.map(({ line, table, model }) => [line, table, model])).toEqual([
      [10, 'cart_items', 'cartItem'],
      [11, 'cart_items', 'cartItem'],
      [12, 'orders', 'order'],
      [12, 'cart_items', 'cartItem'],
      [17, 'orders', 'order'],
      [23, 'orders', 'order'],
      [31, 'orders', 'order'],
    ]);
    const declared = (line: number, name: string, table: string, references?: string[]) => ({
      from: 'prisma/schema.prisma',
      line,
      name,
      table,
      detector: 'prisma',
      ...(references ? { references } : {}),
    });
    // CartItem holds the relation's fields: a foreign key to Order's table.
    expect(graph.tables).toEqual([
      { name: 'AuditEntry', models: [declared(27, 'auditEntry', 'AuditEntry')] },
      { name: 'cart_items', models: [declared(18, 'cartItem', 'cart_items', ['orders'])] },
      { name: 'orders', models: [declared(10, 'order', 'orders')] },
    ]);
  });

  test('sql: a schema or migration declares its tables and their foreign keys', async () => {
    const graph = await analyze({ root: join(fixtures, 'sql'), cache: false });
    // `INSERT INTO order_events` writes the table the migration declares as `public.order_events`.
    expect(graph.data!.find((access) => access.line === 14)).toMatchObject({
      table: 'public.order_events',
      model: 'order_events',
    });
    const declared = (line: number, table: string, references?: string[]) => ({
      from: 'migrations/001-init.sql',
      line,
      name: table,
      table,
      detector: 'sql',
      ...(references ? { references } : {}),
    });
    expect(graph.tables).toEqual([
      { name: 'customers', models: [declared(2, 'customers')] },
      { name: 'orders', models: [declared(7, 'orders', ['customers'])] },
      { name: 'public.order_events', models: [declared(15, 'public.order_events', ['orders'])] },
      { name: 'public.sessions', models: [] },
      { name: 'sessions', models: [] },
    ]);
  });

  test('a name two declarations map to different tables stays as the code wrote it', () => {
    const access = { from: 'a.ts', line: 1, table: 'Order', access: 'read' as const, detector: 'typeorm' };
    const model = (from: string, table: string) => ({ from, line: 1, name: 'Order', table, detector: 'typeorm' });
    const { data, tables } = nameTables(
      [access],
      [model('billing/order.ts', 'billing_orders'), model('shop/order.ts', 'orders')],
    );
    expect(data).toEqual([access]);
    expect(tables.map((t) => [t.name, t.models.length])).toEqual([
      ['Order', 0],
      ['billing_orders', 1],
      ['orders', 1],
    ]);
  });

  test('a file no detector test passes gets no data field', () => {
    expect(parseFile('a.ts', 'export const a = [1].map((x) => x + 1);\n').data).toBeUndefined();
    // Statics of a builtin (`Object.create`, `Array.from`) are no model's: nothing to walk for.
    expect(parseFile('b.js', 'export const o = Object.create(null), a = Array.from(o);\n').data).toBeUndefined();
  });

  test("one run's walkers (their visitors reused, their state per file) find in every file what fresh ones do", () => {
    // The data fixtures and the entry points' (routes, jobs, CommonJS requires).
    const files = [fixtures, join(fixtures, '../entry-points')].flatMap((folder) =>
      readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.[jt]s$/.test(file))
        .map((file) => join(folder, file)),
    );
    const text = (file: string) => readFileSync(file, 'utf8');
    const walkers = createFileWalkers();
    // Both orders, so no file's walk leaves state (enclosing functions, classes, bindings) that the next one reads.
    for (const file of [...files, ...files.toReversed()])
      expect(parseFile(file, text(file), walkers), file).toEqual(parseFile(file, text(file)));
  });
});
