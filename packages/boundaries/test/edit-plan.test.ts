import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGraph, parsePlan, type Plan } from '@seams/graph';
import { dependenciesOf } from '../src/dependencies.ts';
import { mergeServices, moveFiles, planContext, renameService, setPinned, splitService } from '../src/edit/index.ts';
import { planMetrics, serviceMetrics } from '../src/metrics/index.ts';

const dir = join(import.meta.dirname, '../../../fixtures/tui/small-shop');
const graph = parseGraph(JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')), 'graph.json');
const plan = parsePlan(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')), 'plan.json');
const context = planContext(graph);

const filesOf = (p: Plan) => Object.fromEntries(p.services.map((s) => [s.id, s.files]));

// The metrics an edited plan carries must be exactly those of a fresh computation on its files.
function expectFreshMetrics(p: Plan) {
  const assignment = new Map(p.services.flatMap((s) => s.files.map((f) => [f, s.id] as const)));
  const input = {
    dependencies: dependenciesOf(graph),
    assignment,
    loc: new Map(graph.files.map((f) => [f.path, f.loc])),
  };
  expect(p.metrics).toEqual(planMetrics(input));
  const perService = serviceMetrics(input);
  for (const service of p.services) expect(service.metrics).toEqual(perService.get(service.id));
  expect(() => parsePlan(JSON.parse(JSON.stringify(p)), 'edited')).not.toThrow();
}

describe('moveFiles', () => {
  it('moves a file to another service, pins it and takes it off the review list', () => {
    const edited = moveFiles(plan, context, ['src/shipping/tracking.ts'], { service: 'orders' });
    expect(filesOf(edited).orders).toEqual([
      'src/orders/index.ts',
      'src/orders/order-routes.ts',
      'src/orders/order-service.ts',
      'src/orders/order.ts',
      'src/shipping/tracking.ts',
    ]);
    expect(filesOf(edited).shipping).toEqual(['src/shipping/carrier-api.ts', 'src/shipping/shipment.ts']);
    expect(edited.pinned).toEqual(['src/shipping/tracking.ts']);
    expect(edited.review).toEqual([]);
    expect(edited.services.map((s) => s.id)).toEqual(plan.services.map((s) => s.id));
    expectFreshMetrics(edited);
  });

  it('sends files to the shared group and back', () => {
    const toShared = moveFiles(plan, context, ['src/catalog/inventory.ts'], { shared: true });
    expect(toShared.shared).toEqual([
      { path: 'src/catalog/inventory.ts', reason: 'placed in the shared group by hand' },
      ...plan.shared,
    ]);
    expect(filesOf(toShared).catalog).toEqual(['src/catalog/catalog-routes.ts', 'src/catalog/product.ts']);
    const back = moveFiles(toShared, context, ['src/shared/money.ts'], { service: 'payments' });
    expect(back.shared.map((s) => s.path)).toEqual(['src/catalog/inventory.ts', 'src/shared/db.ts']);
    expect(filesOf(back).payments).toContain('src/shared/money.ts');
    expect(back.pinned).toEqual(['src/catalog/inventory.ts', 'src/shared/money.ts']);
    expectFreshMetrics(back);
  });

  it('creates a new service, and drops a service left without files', () => {
    const edited = moveFiles(
      plan,
      context,
      ['src/shipping/carrier-api.ts', 'src/shipping/shipment.ts', 'src/shipping/tracking.ts'],
      { newService: 'Delivery Partners' },
    );
    expect(edited.services.map((s) => [s.id, s.name])).toEqual([
      ['catalog', 'catalog'],
      ['orders', 'orders'],
      ['payments', 'payments'],
      ['delivery-partners', 'Delivery Partners'],
    ]);
    expectFreshMetrics(edited);
  });

  it('refuses an unknown target service with a typed error', () => {
    expect(() => moveFiles(plan, context, ['src/catalog/product.ts'], { service: 'nope' })).toThrow(
      expect.objectContaining({ code: 'SEAMS_INPUT_NOT_FOUND' }),
    );
  });
});

describe('merge, split, rename, pin', () => {
  it('merges two services into the first, which keeps its id and name', () => {
    const merged = mergeServices(plan, context, 'catalog', 'shipping');
    expect(merged.services.map((s) => s.id)).toEqual(['catalog', 'orders', 'payments']);
    expect(filesOf(merged).catalog).toHaveLength(6);
    expectFreshMetrics(merged);
  });

  it('splits a merged service back into its two halves, naming the new one from its files', () => {
    const merged = mergeServices(plan, context, 'catalog', 'shipping');
    const split = splitService(merged, context, 'catalog');
    expect(split.services.map((s) => [s.id, s.name, s.files])).toEqual([
      ['catalog', 'catalog', ['src/catalog/catalog-routes.ts', 'src/catalog/inventory.ts', 'src/catalog/product.ts']],
      ['shipping', 'shipping', ['src/shipping/carrier-api.ts', 'src/shipping/shipment.ts', 'src/shipping/tracking.ts']],
      ['orders', 'orders', filesOf(plan).orders],
      ['payments', 'payments', filesOf(plan).payments],
    ]);
    expectFreshMetrics(split);
  });

  it('says so when a service is one tight group that does not split', () => {
    const tiny = moveFiles(plan, context, ['src/catalog/inventory.ts', 'src/catalog/catalog-routes.ts'], {
      service: 'orders',
    });
    expect(() => splitService(tiny, context, 'catalog')).toThrow(
      "'catalog' does not split: its 1 files form one tight group.",
    );
  });

  it('renames without touching the id or the files', () => {
    const renamed = renameService(plan, 'shipping', ' logistics ');
    expect(renamed.services.find((s) => s.id === 'shipping')).toEqual({
      ...plan.services.find((s) => s.id === 'shipping'),
      name: 'logistics',
    });
    expect(renameService(plan, 'shipping', '   ')).toBe(plan);
  });

  it('pins and unpins; a pinned file counts as sure in its service confidence', () => {
    const pinned = setPinned(plan, context, ['src/shipping/tracking.ts'], true);
    expect(pinned.pinned).toEqual(['src/shipping/tracking.ts']);
    expect(pinned.review).toEqual([]);
    expect(pinned.services.find((s) => s.id === 'shipping')!.confidence).toBe(1);
    expect(setPinned(pinned, context, ['src/shipping/tracking.ts'], false).pinned).toEqual([]);
  });
});

describe('what a person wrote into the plan', () => {
  const annotated: Plan = {
    ...plan,
    services: plan.services.map((s) =>
      s.id === 'orders'
        ? { ...s, public: ['src/orders/index.ts'], dependsOn: ['catalog'], tables: ['orders'] }
        : s.id === 'shipping'
          ? { ...s, public: ['src/shipping/tracking.ts'], tables: ['shipments'] }
          : s,
    ),
    shared: plan.shared.map((s) => (s.path === 'src/shared/db.ts' ? { ...s, allow: ['orders'] } : s)),
  };

  it('keeps entries, allowed dependencies and shared-file rules through moves, pins and splits', () => {
    let edited = moveFiles(annotated, context, ['src/catalog/inventory.ts'], { service: 'orders' });
    edited = setPinned(edited, context, ['src/orders/order.ts'], true);
    edited = splitService(edited, context, 'payments');
    expect(edited.services.find((s) => s.id === 'orders')).toMatchObject({
      public: ['src/orders/index.ts'],
      dependsOn: ['catalog'],
      tables: ['orders'],
    });
    expect(edited.shared.find((s) => s.path === 'src/shared/db.ts')).toEqual({
      path: 'src/shared/db.ts',
      reason: 'used by 4 files in 3 parts',
      allow: ['orders'],
    });
  });

  it("takes a moved file's entry along to the service it joins, and drops it in the shared group", () => {
    const entries = (p: Plan) => Object.fromEntries(p.services.map((s) => [s.id, s.public]));
    const toOrders = moveFiles(annotated, context, ['src/shipping/tracking.ts'], { service: 'orders' });
    expect(entries(toOrders)).toMatchObject({
      orders: ['src/orders/index.ts', 'src/shipping/tracking.ts'],
      shipping: [],
    });
    const toNew = moveFiles(annotated, context, ['src/shipping/tracking.ts'], { newService: 'Tracking' });
    expect(entries(toNew)).toMatchObject({ shipping: [], tracking: ['src/shipping/tracking.ts'] });
    const toShared = moveFiles(annotated, context, ['src/shipping/tracking.ts'], { shared: true });
    expect(entries(toShared)).toMatchObject({ orders: ['src/orders/index.ts'], shipping: [] });
    // A glob is no one file's: it stays, and so does an entry whose file does not move.
    const globbed: Plan = {
      ...annotated,
      services: annotated.services.map((s) =>
        s.id === 'shipping' ? { ...s, public: ['./src/shipping/tracking.ts', 'src/shipping/*-api.ts'] } : s,
      ),
    };
    const moved = moveFiles(globbed, context, ['src/shipping/tracking.ts'], { service: 'orders' });
    expect(entries(moved)).toMatchObject({
      orders: ['src/orders/index.ts', 'src/shipping/tracking.ts'],
      shipping: ['src/shipping/*-api.ts'],
    });
    expect(entries(moveFiles(globbed, context, ['src/shipping/shipment.ts'], { service: 'orders' }))).toMatchObject({
      orders: ['src/orders/index.ts'],
      shipping: ['./src/shipping/tracking.ts', 'src/shipping/*-api.ts'],
    });
  });

  it('joins the entries of merged services', () => {
    const merged = mergeServices(annotated, context, 'orders', 'shipping');
    expect(merged.services.find((s) => s.id === 'orders')).toMatchObject({
      public: ['src/orders/index.ts', 'src/shipping/tracking.ts'],
      dependsOn: ['catalog'],
      tables: ['orders', 'shipments'],
    });
  });
});
