import { describe, expect, it } from 'vitest';
import type { Graph } from '@seams/graph';
import { dependenciesOf } from '../src/dependencies.ts';
import { layerFolders } from '../src/signals/entities-layers.ts';
import { pairKey } from '../src/signals/signal.ts';
import { entitiesSignal } from '../src/signals/entities-signal.ts';
import { pathsSignal } from '../src/signals/paths-signal.ts';
import { handGraph } from './hand-graph.ts';

const NOUNS = ['order', 'customer', 'product', 'invoice', 'payment'];

function pairsOf(graph: Graph): Record<string, number> {
  const files = graph.files.map((f) => f.path);
  const out: Record<string, number> = {};
  for (const [key, weight] of entitiesSignal.pairs({ graph, files, dependencies: dependenciesOf(graph) }))
    out[`${files[Math.floor(key / files.length)]} | ${files[key % files.length]}`] = Math.round(weight * 1000) / 1000;
  return out;
}

function layersOf(graph: Graph, entities: string[]): string[] {
  const files = graph.files.map((f) => f.path);
  return [...layerFolders(files, new Set(entities), dependenciesOf(graph))];
}

describe('layerFolders', () => {
  // models/<noun>.ts for five nouns; presenters/<noun>.ts each imports its own model; presenters/index.ts loads
  // them all. `presenter` is an entity too: a second presenters/ folder lies under admin/.
  const layered = handGraph(
    [
      ...NOUNS.map((noun) => `src/models/${noun}.ts`),
      ...NOUNS.map((noun) => `src/presenters/${noun}.ts`),
      'src/presenters/index.ts',
      'src/admin/presenters/stats.ts',
    ],
    [
      ...NOUNS.map((noun) => [`src/presenters/${noun}.ts`, `src/models/${noun}.ts`] as const),
      ...NOUNS.map((noun) => ['src/presenters/index.ts', `src/presenters/${noun}.ts`] as const),
    ],
  );

  it('reads a folder whose files each serve another entity, and import it, as a layer', () => {
    // presenters/: 5 files (index aside), all 5 named after another entity, 5 different ones, each importing a
    // file of its entity outside the folder (its model), none tied to a `presenter` outside: a layer.
    expect(layersOf(layered, [...NOUNS, 'presenter'])).toEqual(['src/presenters']);
  });

  it('ties a layer’s files to their own entities, not to the layer', () => {
    // Each presenter joins its model's entity as a member (the model, named exactly after it, is the anchor):
    // one pair of weight 1 per noun. presenters/index.ts carries no entity; admin/presenters/stats.ts is the only
    // file left to `presenter`, which has no anchor: no pair.
    expect(pairsOf(layered)).toEqual(
      Object.fromEntries(NOUNS.map((noun) => [`src/models/${noun}.ts | src/presenters/${noun}.ts`, 1])),
    );
  });

  it('leaves a layer folder out of folder proximity when the entities are combined', () => {
    const files = layered.files.map((f) => f.path);
    const input = { graph: layered, files, dependencies: dependenciesOf(layered) };
    const weight = (combined: string[], a: string, b: string) =>
      pathsSignal.pairs({ ...input, combined }).get(pairKey(files.indexOf(a), files.indexOf(b), files.length));
    const presenters = ['src/presenters/order.ts', 'src/presenters/customer.ts'] as const;
    const across = ['src/models/order.ts', 'src/presenters/customer.ts'] as const;
    // Alone, two presenters share src/presenters/ and src/: closer than a model and a presenter (src/ only).
    expect(weight(['paths'], ...presenters)).toBeGreaterThan(weight(['paths'], ...across)!);
    // With the entities, src/presenters/ is a layer: they share src/ only, as a model and a presenter do.
    expect(weight(['paths', 'entities'], ...presenters)).toBe(weight(['paths', 'entities'], ...across));
  });

  it('keeps a feature folder whose files are its entity’s mixins, though they carry other entities’ names', () => {
    // NodeBB's shape: user/<noun>.ts are loaded by user/index.ts and import only the database; the nouns are
    // entities (models/<noun>.ts). Same names as a layer, but no file reaches its noun: user/ stays the user's.
    const feature = handGraph(
      [
        ...NOUNS.map((noun) => `src/models/${noun}.ts`),
        'src/models/user.ts',
        ...NOUNS.map((noun) => `src/user/${noun}.ts`),
        'src/user/index.ts',
        'src/db.ts',
      ],
      [
        ...NOUNS.map((noun) => ['src/user/index.ts', `src/user/${noun}.ts`] as const),
        ...NOUNS.map((noun) => [`src/user/${noun}.ts`, 'src/db.ts'] as const),
      ],
    );
    expect(layersOf(feature, [...NOUNS, 'user'])).toEqual([]);
    // The user's anchors are its folder's entry and models/user.ts (1/2 each); every mixin is tied to both.
    const pairs = pairsOf(feature);
    expect(pairs['src/models/user.ts | src/user/index.ts']).toBe(0.5);
    expect(pairs['src/models/user.ts | src/user/order.ts']).toBe(0.5);
    expect(pairs['src/user/order.ts | src/user/index.ts']).toBe(0.5);
    expect(pairs['src/models/order.ts | src/user/order.ts']).toBeUndefined();
  });

  it('keeps a route group whose files serve other entities for its own', () => {
    // routes/orders/<noun>.ts each import their noun's service and the order's: they serve the order (its
    // claims, its payments), so orders/ is the order's folder, not a layer.
    const routes = handGraph(
      [
        ...[...NOUNS, 'refund'].map((noun) => `src/services/${noun}.ts`),
        ...NOUNS.filter((noun) => noun !== 'order').map((noun) => `src/routes/orders/${noun}.ts`),
        'src/routes/orders/refund.ts',
      ],
      [...NOUNS.filter((noun) => noun !== 'order'), 'refund'].flatMap((noun) => [
        [`src/routes/orders/${noun}.ts`, `src/services/${noun}.ts`] as const,
        [`src/routes/orders/${noun}.ts`, 'src/services/order.ts'] as const,
      ]),
    );
    expect(layersOf(routes, [...NOUNS, 'refund'])).toEqual([]);
  });

  it('reads a layer inside an entity’s folder as that entity’s own when its files reach their entities inside it', () => {
    // auth/guards/<provider>.ts import auth/strategies/<provider>.ts: the providers are the auth's.
    const providers = ['github', 'google', 'oidc', 'local', 'session'];
    const graph = handGraph(
      [
        ...providers.map((provider) => `src/auth/guards/${provider}.ts`),
        ...providers.map((provider) => `src/auth/strategies/${provider}.ts`),
        'src/admin/guards/index.ts',
        'src/admin/auth/index.ts',
      ],
      providers.map((provider) => [`src/auth/guards/${provider}.ts`, `src/auth/strategies/${provider}.ts`] as const),
    );
    expect(layersOf(graph, [...providers, 'guard', 'strategy', 'auth'])).toEqual([]);
    // Out of the auth folder, the same guards/ and strategies/ are layers.
    const flat = handGraph(
      [
        ...providers.map((provider) => `src/guards/${provider}.ts`),
        ...providers.map((provider) => `src/strategies/${provider}.ts`),
        'src/admin/guards/index.ts',
      ],
      providers.map((provider) => [`src/guards/${provider}.ts`, `src/strategies/${provider}.ts`] as const),
    );
    expect(layersOf(flat, [...providers, 'guard', 'strategy'])).toEqual(['src/guards', 'src/strategies']);
  });
});
