import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServiceGraph } from '../src/html/browser/build-service-graph.ts';
import { pageModel } from '../src/html/page-model.ts';
import { fileIndex, findFiles } from '../src/html/browser/find-files.ts';
import { layoutServices } from '../src/html/browser/layout-services.ts';
import type { ReportModel } from '../src/report-model.ts';
import { largeModel } from './html-large-model.ts';

const small = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../fixtures/report/html-small/model.json'), 'utf8'),
) as ReportModel;

describe('findFiles', () => {
  const index = fileIndex(pageModel(small));

  it('ranks a match in the file name before one in a folder, then shorter paths', () => {
    expect(findFiles(index, 'Order').matches.map((entry) => entry.path)).toEqual([
      'src/orders/order.entity.ts',
      'src/orders/order.service.ts',
      'src/orders/orders.controller.ts',
    ]);
    expect(findFiles(index, 'payment').matches.map((entry) => entry.path)).toEqual([
      'src/payments/payment.service.ts',
      'src/payments/stripe.client.ts',
    ]);
  });

  it('finds shared-kernel files too, as belonging to no service', () => {
    expect(findFiles(index, 'logger').matches).toEqual([
      { path: 'src/shared/logger.ts', service: undefined, serviceName: 'shared kernel' },
    ]);
  });

  it('stops at the limit but counts every match', () => {
    const large = fileIndex(pageModel(largeModel(40, 2000)));
    expect(findFiles(large, '.service.ts', 20)).toMatchObject({ total: 2000, matches: { length: 20 } });
    expect(findFiles(large, '  ')).toEqual({ matches: [], total: 0 });
  });
});

describe('layoutServices', () => {
  it('puts every service at its own place, the same on every run', () => {
    const ids = small.services.map((service) => service.id);
    const first = layoutServices(ids, small.links);
    expect(layoutServices(ids, small.links)).toEqual(first);
    const places = new Set([...first.values()].map(({ x, y }) => `${x.toFixed(3)},${y.toFixed(3)}`));
    expect(places.size).toBe(ids.length);
    for (const { x, y } of first.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it('draws services that depend on each other closer than ones that do not', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const layout = layoutServices(ids, [
      { from: 'a', to: 'b', weight: 10 },
      { from: 'c', to: 'd', weight: 10 },
      { from: 'e', to: 'f', weight: 10 },
    ]);
    const distance = (p: string, q: string) =>
      Math.hypot(layout.get(p)!.x - layout.get(q)!.x, layout.get(p)!.y - layout.get(q)!.y);
    expect(distance('a', 'b')).toBeLessThan(distance('a', 'c'));
    expect(distance('c', 'd')).toBeLessThan(distance('c', 'e'));
  });

  it('copes with no service and with one', () => {
    expect(layoutServices([], [])).toEqual(new Map());
    expect(layoutServices(['only'], []).get('only')).toEqual({ x: 1, y: 0 });
  });
});

describe('buildServiceGraph', () => {
  it('has a node per service and an edge per coupled pair, heavier edges thicker', () => {
    const graph = buildServiceGraph(pageModel(small));
    expect(graph.nodes()).toEqual(['orders', 'catalog', 'payments', 'notifications']);
    expect(graph.edges().map((edge) => `${graph.source(edge)}->${graph.target(edge)}`)).toEqual([
      'orders->catalog',
      'orders->payments',
      'payments->orders',
      'payments->notifications',
      'orders->notifications',
    ]);
    expect(graph.getEdgeAttribute('orders', 'catalog', 'size')).toBeGreaterThan(
      graph.getEdgeAttribute('orders', 'notifications', 'size'),
    );
    expect(graph.getNodeAttribute('orders', 'size')).toBeGreaterThan(graph.getNodeAttribute('payments', 'size'));
  });

  it('adds up repeated links and skips links to services it does not draw', () => {
    const model: ReportModel = {
      ...small,
      links: [
        ...small.links,
        { from: 'orders', to: 'catalog', weight: 4 },
        { from: 'orders', to: 'gone', weight: 9 },
        { from: 'orders', to: 'orders', weight: 1 },
      ],
    };
    const graph = buildServiceGraph(pageModel(model));
    expect(graph.size).toBe(5);
    expect(graph.getEdgeAttribute('orders', 'catalog', 'weight')).toBe(10);
  });
});
