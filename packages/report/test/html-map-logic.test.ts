import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServiceGraph } from '../src/html/browser/build-service-graph.ts';
import { pageModel } from '../src/html/page-model.ts';
import { fileIndex, findFiles } from '../src/html/browser/find-files.ts';
import { layoutServices } from '../src/html/browser/layout-services.ts';
import { placeLabels, type LabelCandidate } from '../src/html/browser/place-labels.ts';
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

describe('placeLabels', () => {
  // 10 px per character, 10 px font: a label's box is 13 px high, its top 10 px above the baseline (y + 10/3).
  const measure = (text: string) => text.length * 10;
  const node = (id: string, x: number, y: number, priority = 0): LabelCandidate => ({
    id,
    text: id,
    x,
    y,
    radius: 5,
    priority,
  });
  const place = (candidates: LabelCandidate[]) =>
    placeLabels(candidates, measure, { width: 300, height: 200 }, 10).map((box) => `${box.id}@${box.x}`);

  it('puts a label right of its node, 3 px past its edge', () => {
    expect(place([node('orders', 100, 100)])).toEqual(['orders@108']);
  });

  it('moves a label that would cover another to the left of its node, else leaves it out', () => {
    // `ab` right of (100,100) spans 108..128; `cd` at (120,102) would start at 128 on the right (free) ...
    expect(place([node('ab', 100, 100), node('cd', 120, 102)])).toEqual(['ab@108', 'cd@128']);
    // ... at (110,102) its right (118..138) covers `ab`, its left (82..102) is free.
    expect(place([node('ab', 100, 100), node('cd', 110, 102)])).toEqual(['ab@108', 'cd@82']);
    // Boxed in on both sides: no label.
    expect(place([node('ab', 100, 100), node('xy', 60, 100), node('cd', 92, 101)])).toEqual(['ab@108', 'xy@68']);
  });

  it('places the focused service first, then its neighbours, whatever the order given', () => {
    expect(place([node('ab', 100, 100), node('cd', 110, 102, 1)])).toEqual(['cd@118', 'ab@72']);
  });

  it('keeps labels inside the map: one at the right edge goes left', () => {
    expect(place([node('billing', 290, 100)])).toEqual(['billing@212']);
  });
});
