import { describe, expect, it } from 'vitest';
import type { Plan } from '@seams/graph';
import { dependenciesOf } from '../src/dependencies.ts';
import { proposeBoundaries } from '../src/index.ts';
import { applyKeep } from '../src/keep-previous.ts';
import { nameServices } from '../src/name-services.ts';
import { setApart } from '../src/set-apart.ts';
import { handGraph } from './hand-graph.ts';

describe('nameServices', () => {
  it('names each group after its most distinctive domain word, spelled as its folders spell it', () => {
    const groups = new Map([
      ['0', ['src/orders/order.service.ts', 'src/orders/order.repository.ts', 'src/orders/money.ts']],
      ['1', ['src/payments/payment.service.ts', 'src/payments/refund.ts', 'src/payments/money-format.ts']],
    ]);
    const graph = handGraph([...groups.values()].flat(), []);
    // `order`: folder word x3 plus two file names in group 0 only; `money` is in both groups, so it is less
    // distinctive.
    expect(nameServices(groups, graph)).toEqual(
      new Map([
        ['0', 'orders'],
        ['1', 'payments'],
      ]),
    );
  });

  it('names a group after the folder holding most of it and little else, spelled whole', () => {
    const groups = new Map([
      [
        '0',
        ['src/routes/tax-rates/create.ts', 'src/routes/tax-rates/delete.ts', 'src/models/tax-rate.ts', 'src/rate.ts'],
      ],
      ['1', ['lib/config/default.ts', 'lib/config/ssl.ts', 'lib/config/index.ts', 'lib/paths.ts']],
      ['2', ['src/routes/orders.ts', 'src/models/order.ts', 'src/utils/money.ts', 'src/utils/round.ts']],
      ['3', ['src/modules/articles/articles.ts', 'src/modules/articles/feed.ts', 'src/modules/tags/tags.ts']],
    ]);
    const graph = handGraph([...groups.values()].flat(), []);
    // Group 0: src/routes/tax-rates holds 2 of its 4 files and nothing else (0.5 x 1 = 0.5 >= 0.4): `tax-rates`,
    // not the word `rate` alone. src/routes scores 2/4 x 2/3 and src 4/4 x 4/8, both lower. Group 1: lib/config,
    // 3/4 x 3/3 = 0.75: a technical name, but the one a team gives the settings module. Group 2: src/utils holds
    // 2/4 x 2/2 = 0.5 but `utils` is a container word, and no other folder reaches 0.4 (src/models 1/4 x 1/2):
    // its commonest word names it, `order` (two file names, spelled in the plural on a tie), not `utils`.
    // Group 3: src/modules holds it all (3/3 x 3/3) but is a container; src/modules/articles, 2/3 x 2/2, names it.
    expect(nameServices(groups, graph)).toEqual(
      new Map([
        ['0', 'tax-rates'],
        ['1', 'config'],
        ['2', 'orders'],
        ['3', 'articles'],
      ]),
    );
  });
});

describe('applyKeep', () => {
  it('continues a previous service in the cluster holding most of its files and puts pinned files back', () => {
    const previous = {
      services: [{ id: 'svc-orders', name: 'Orders (hand named)', files: ['a.ts', 'b.ts', 'c.ts'] }],
      pinned: ['c.ts'],
    } as unknown as Plan;
    // New clusters: {a, b} and {c, d}. {a, b} holds two of the three files: it continues svc-orders, and the
    // pinned c goes back to it; d stays where it was.
    const kept = applyKeep(
      new Map([
        ['a.ts', '0'],
        ['b.ts', '0'],
        ['c.ts', '1'],
        ['d.ts', '1'],
      ]),
      previous,
    );
    expect([...kept.partition]).toEqual([
      ['a.ts', '0'],
      ['b.ts', '0'],
      ['c.ts', '0'],
      ['d.ts', '1'],
    ]);
    expect([...kept.ids]).toEqual([['0', 'svc-orders']]);
    expect([...kept.names]).toEqual([['0', 'Orders (hand named)']]);
  });
});

describe('setApart', () => {
  it('puts tests, tool configs, migrations, scripts and composition roots in named groups', () => {
    const files = [
      'src/main.ts',
      'src/app.module.ts',
      'src/orders/order.service.ts',
      'src/orders/order.service.spec.ts',
      'src/__tests__/setup.ts',
      'vitest.config.ts',
      'src/migrations/1700000000-add-orders.ts',
      'scripts/seed-demo.ts',
      'src/app.ts',
      'src/orders/routes.ts',
    ];
    // src/app.ts is imported by a route (for its router type): not a root. main.ts imports app.module.ts: both roots.
    const graph = handGraph(files, [
      ['src/main.ts', 'src/app.module.ts'],
      ['src/orders/routes.ts', 'src/app.ts'],
    ]);
    expect(setApart(files, dependenciesOf(graph), graph.edges).map((f) => [f.path, f.group])).toEqual([
      ['scripts/seed-demo.ts', 'scripts'],
      ['src/__tests__/setup.ts', 'tests'],
      ['src/app.module.ts', 'composition roots'],
      ['src/main.ts', 'composition roots'],
      ['src/migrations/1700000000-add-orders.ts', 'migrations'],
      ['src/orders/order.service.spec.ts', 'tests'],
      ['vitest.config.ts', 'tool configs'],
    ]);
  });
});

describe('proposeBoundaries --services', () => {
  // Three chains of three files each, a weak link between the first two chains.
  const files = ['a', 'b', 'c'].flatMap((d) => [1, 2, 3].map((n) => `src/${d}/${d}${n}.ts`));
  const imports: Array<[string, string]> = [
    ...['a', 'b', 'c'].flatMap((d): Array<[string, string]> => [
      [`src/${d}/${d}1.ts`, `src/${d}/${d}2.ts`],
      [`src/${d}/${d}2.ts`, `src/${d}/${d}3.ts`],
    ]),
    ['src/a/a3.ts', 'src/b/b1.ts'],
    ['src/b/b3.ts', 'src/c/c1.ts'],
  ];
  const graph = handGraph(files, imports);

  it('gives exactly N services, merging or splitting', () => {
    for (const count of [1, 2, 3, 5])
      expect(proposeBoundaries(graph, { services: count, sharedKernel: false }).services).toHaveLength(count);
  });

  it('says in one line why a count cannot be made', () => {
    expect(() => proposeBoundaries(graph, { services: 12, sharedKernel: false })).toThrow(
      '--services 12: choose between 1 and 9, the files left to cluster once the shared kernel and the groups set apart are out.',
    );
  });
});

describe('proposeBoundaries --keep with a pinned file that would be set apart', () => {
  it('keeps it in the service it was pinned in, and out of the shared list', () => {
    const files = ['src/main.ts', 'src/orders/order.ts', 'src/orders/order-lines.ts', 'src/orders/order-status.ts'];
    const graph = handGraph(files, [
      ['src/main.ts', 'src/orders/order.ts'],
      ['src/orders/order.ts', 'src/orders/order-lines.ts'],
      ['src/orders/order.ts', 'src/orders/order-status.ts'],
    ]);
    const first = proposeBoundaries(graph);
    expect(first.shared.map((s) => [s.path, s.group])).toEqual([['src/main.ts', 'composition roots']]);
    const id = first.services[0]!.id;
    const edited: Plan = {
      ...first,
      services: first.services.map((s) => (s.id === id ? { ...s, files: [...s.files, 'src/main.ts'] } : s)),
      shared: [],
      pinned: ['src/main.ts'],
    };
    const again = proposeBoundaries(graph, { keep: edited });
    expect(again.shared).toEqual([]);
    expect(again.services.find((s) => s.id === id)!.files).toContain('src/main.ts');
  });
});

describe('proposeBoundaries with declarations and vendored code', () => {
  it('sets them apart in their groups once the services are drawn, and draws the services as if they were in', () => {
    const domains = ['orders', 'billing'].flatMap((d) => [
      `src/${d}/${d}1.ts`,
      `src/${d}/${d}2.ts`,
      `src/${d}/${d}3.ts`,
    ]);
    const imports: Array<[string, string]> = ['orders', 'billing'].flatMap((d): Array<[string, string]> => [
      [`src/${d}/${d}1.ts`, `src/${d}/${d}2.ts`],
      [`src/${d}/${d}2.ts`, `src/${d}/${d}3.ts`],
    ]);
    const extra = ['src/typings/env.d.ts', 'public/vendor/chart.min.js'];
    const without = proposeBoundaries(handGraph(domains, imports));
    const plan = proposeBoundaries(handGraph([...domains, ...extra], imports));
    // env.d.ts: nothing imports it and no env.ts beside it; chart.min.js: a minified bundle.
    expect(plan.shared.map((s) => [s.path, s.group])).toEqual([
      ['public/vendor/chart.min.js', 'vendored'],
      ['src/typings/env.d.ts', 'declarations'],
    ]);
    expect(plan.services.map((s) => s.files)).toEqual(without.services.map((s) => s.files));
  });
});
