import { describe, expect, it } from 'vitest';
import type { Graph } from '@seams/graph';
import { dependenciesOf } from '../src/dependencies.ts';
import { entitiesSignal } from '../src/signals/entities-signal.ts';
import type { Signal } from '../src/signals/index.ts';
import { pathsSignal } from '../src/signals/paths-signal.ts';
import { useCasesSignal } from '../src/signals/use-cases-signal.ts';
import { domainWords, entityKey } from '../src/tokens.ts';
import { handGraph } from './hand-graph.ts';

/** A signal's pairs as `a | b -> weight`, for hand-worked expectations. */
function pairsOf(signal: Signal, graph: Graph): Record<string, number> {
  const files = graph.files.map((f) => f.path);
  const out: Record<string, number> = {};
  for (const [key, weight] of signal.pairs({ graph, files, dependencies: dependenciesOf(graph) })) {
    const [a, b] = [files[Math.floor(key / files.length)]!, files[key % files.length]!];
    out[`${a} | ${b}`] = Math.round(weight * 1000) / 1000;
  }
  return out;
}

describe('entitiesSignal', () => {
  it('ties an entity’s files across layers through its anchors', () => {
    const graph = handGraph(
      [
        'src/models/order.ts',
        'src/services/order.service.ts',
        'src/routes/orders/index.ts',
        'src/routes/orders/list-orders.ts',
        'src/models/customer.ts',
        'src/services/customer.service.ts',
        'src/services/mailer.ts',
      ],
      [],
    );
    // `order` names files or folders in src/models, src/services and src/routes: an entity. Its anchors are the
    // files named after it and the entry of its folder; list-orders.ts (its only noun is `order`) is one too: 4
    // anchors, each pair 1/4. `customer` is in two folders: 2 anchors, 1/2. mailer.ts is in one folder: no entity.
    expect(pairsOf(entitiesSignal, graph)).toEqual({
      'src/models/order.ts | src/services/order.service.ts': 0.25,
      'src/models/order.ts | src/routes/orders/index.ts': 0.25,
      'src/models/order.ts | src/routes/orders/list-orders.ts': 0.25,
      'src/services/order.service.ts | src/routes/orders/index.ts': 0.25,
      'src/services/order.service.ts | src/routes/orders/list-orders.ts': 0.25,
      'src/routes/orders/index.ts | src/routes/orders/list-orders.ts': 0.25,
      'src/models/customer.ts | src/services/customer.service.ts': 0.5,
    });
  });
});

describe('pathsSignal', () => {
  const graph = handGraph(
    ['src/a/x.ts', 'src/a/y.ts', 'src/b/p.ts', 'src/b/q.ts'],
    [
      ['src/a/x.ts', 'src/a/y.ts'],
      ['src/b/p.ts', 'src/a/x.ts'],
    ],
  );

  it('ties the files of each small folder, 1 / (files in it - 1) per folder shared', () => {
    // src/ holds 4 files: 1/3 per pair; src/a and src/b hold 2: 1 more for a pair inside one of them.
    expect(pairsOf(pathsSignal, graph)).toEqual({
      'src/a/x.ts | src/a/y.ts': 1.333,
      'src/a/x.ts | src/b/p.ts': 0.333,
      'src/a/x.ts | src/b/q.ts': 0.333,
      'src/a/y.ts | src/b/p.ts': 0.333,
      'src/a/y.ts | src/b/q.ts': 0.333,
      'src/b/p.ts | src/b/q.ts': 1.333,
    });
  });

  it('with the imports, scales each folder by the square root of how far the imports confirm it', () => {
    // Coherence (2 x inside + 1) / (ends + 2). src/a: one import inside (2 ends) and one arriving from src/b
    // (1 end): (2 + 1) / (3 + 2) = 0.6. src/b: the import leaving it (1 end): 1 / 3. src/: both imports inside,
    // 4 ends: 5 / 6, the most coherent, so the others are read against it: src/a 0.72, src/b 0.4. A pair in
    // src/a: 1/3 + sqrt(0.72) = 0.333 + 0.849; in src/b: 0.333 + sqrt(0.4) = 0.333 + 0.632.
    const files = graph.files.map((f) => f.path);
    const input = { graph, files, dependencies: dependenciesOf(graph), combined: ['imports', 'paths'] };
    const weights = [...pathsSignal.pairs(input)].map(([key, weight]) => [
      `${files[Math.floor(key / files.length)]} | ${files[key % files.length]}`,
      Math.round(weight * 1000) / 1000,
    ]);
    expect(Object.fromEntries(weights)).toEqual({
      'src/a/x.ts | src/a/y.ts': 1.182,
      'src/a/x.ts | src/b/p.ts': 0.333,
      'src/a/x.ts | src/b/q.ts': 0.333,
      'src/a/y.ts | src/b/p.ts': 0.333,
      'src/a/y.ts | src/b/q.ts': 0.333,
      'src/b/p.ts | src/b/q.ts': 0.966,
    });
  });
});

describe('entityKey', () => {
  it('drops kind words and verbs around a domain word, but keeps a kind word that leads a domain name', () => {
    expect(entityKey('order-lines.service.ts')).toBe('order line');
    expect(entityKey('OrderRepository')).toBe('order');
    expect(entityKey('list-orders.ts')).toBe('order');
    // `serviceTopics` and `moduleAction` are domains of their own: read as `topic` and `action` they would be
    // tied to the `topic/` and `action/` domains by the entities signal.
    expect(entityKey('serviceTopics')).toBe('service topic');
    expect(entityKey('moduleAction.resolver.ts')).toBe('module action');
    expect(entityKey('services')).toBe('');
  });

  it('reads a verb written in the plural as a noun: `posts/` names a domain, `post-comment.ts` a verb', () => {
    expect(entityKey('posts')).toBe('post');
    expect(entityKey('price-lists.ts')).toBe('price list');
    expect(entityKey('post-comment.ts')).toBe('comment');
    expect(entityKey('create-order.ts')).toBe('order');
    expect(entityKey('getUsers')).toBe('user');
  });
});

describe('domainWords', () => {
  it('keeps a plural verb, drops the verb and the technical words', () => {
    expect(domainWords(['posts', 'createPost', 'topics.service.ts']).map((w) => w.stem)).toEqual(['post', 'topic']);
  });
});

describe('useCasesSignal', () => {
  const files = [
    'src/orders/order.controller.ts',
    'src/orders/order.service.ts',
    'src/orders/order.repository.ts',
    'src/orders/order.dto.ts',
    'src/lib/format.ts',
    'src/customers/customer.controller.ts',
    'src/customers/customer.service.ts',
  ];
  const imports: Array<[string, string]> = [
    ['src/orders/order.controller.ts', 'src/orders/order.service.ts'],
    ['src/orders/order.service.ts', 'src/orders/order.repository.ts'],
    ['src/orders/order.service.ts', 'src/lib/format.ts'],
    ['src/customers/customer.controller.ts', 'src/customers/customer.service.ts'],
    ['src/customers/customer.service.ts', 'src/lib/format.ts'],
  ];

  it('ties what each entry reaches through value imports to the entry, damped by the use cases reaching a file', () => {
    const graph = handGraph(files, imports);
    graph.edges.push({
      from: 'src/orders/order.controller.ts',
      to: 'src/orders/order.dto.ts',
      kind: 'type',
      specifier: './order.dto',
      line: 2,
      names: ['OrderDto'],
    });
    graph.useCases = [
      { id: 'http GET /orders', kind: 'http', entry: 'src/orders/order.controller.ts' },
      { id: 'http GET /customers', kind: 'http', entry: 'src/customers/customer.controller.ts' },
    ];
    // format.ts is reached by both use cases: 1/2 each. The type-only dto is not reached.
    expect(pairsOf(useCasesSignal, graph)).toEqual({
      'src/orders/order.controller.ts | src/orders/order.service.ts': 1,
      'src/orders/order.controller.ts | src/orders/order.repository.ts': 1,
      'src/orders/order.controller.ts | src/lib/format.ts': 0.5,
      'src/lib/format.ts | src/customers/customer.controller.ts': 0.5,
      'src/customers/customer.controller.ts | src/customers/customer.service.ts': 1,
    });
  });

  it('is off when the use cases reach under a tenth of the files: a few would outweigh every import', () => {
    // One use case reaching 3 files (its entry, customer.service.ts, format.ts): on among 20 files, off among 31.
    const twenty = [...files, ...Array.from({ length: 13 }, (_, i) => `src/other/file${i}.ts`)];
    const graph = handGraph(twenty, imports);
    graph.useCases = [{ id: 'http GET /customers', kind: 'http', entry: 'src/customers/customer.controller.ts' }];
    const input = (paths: readonly string[]) => ({ graph, files: paths, dependencies: dependenciesOf(graph) });
    expect(useCasesSignal.isAvailable(input(twenty))).toBe(true);
    const thirtyOne = [...twenty, ...Array.from({ length: 11 }, (_, i) => `src/more/file${i}.ts`)];
    expect(useCasesSignal.isAvailable(input(thirtyOne))).toBe(false);
  });

  it('takes the files a traced use case lists, anchored on its rarest file, with its weight', () => {
    const graph = handGraph(files, []);
    graph.useCases = [
      { id: 'trace checkout', kind: 'trace', files: ['src/orders/order.service.ts', 'src/lib/format.ts'], weight: 3 },
      { id: 'trace profile', kind: 'trace', files: ['src/customers/customer.service.ts', 'src/lib/format.ts'] },
    ];
    // format.ts is in two traces; each trace's anchor is its other file (one trace each).
    expect(pairsOf(useCasesSignal, graph)).toEqual({
      'src/orders/order.service.ts | src/lib/format.ts': 1.5,
      'src/lib/format.ts | src/customers/customer.service.ts': 0.5,
    });
    expect(useCasesSignal.isAvailable({ graph: handGraph(files, []), files, dependencies: [] })).toBe(false);
  });
});
