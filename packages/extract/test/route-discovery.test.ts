// Which routes a service takes along, and the patterns the routing layer and the gateway match them by:
// expectations worked out by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@seams/analyze';
import type { Graph } from '@seams/graph';
import { matchableRoutes } from '../src/generate/route-table.ts';
import { routePattern } from '../src/routes/route-pattern.ts';
import { serviceRoutes } from '../src/routes/service-routes.ts';

const fixture = join(import.meta.dirname, '../../../fixtures/extract/express-routes');
const keys = (routes: ReturnType<typeof serviceRoutes>) => routes.map((r) => `${r.key} ${r.entry}:${r.line}`);

describe('route discovery', () => {
  it('takes the HTTP use cases whose entry file is the service’s, with their composed prefixes', async () => {
    // src/routes.ts: const api = Router().use(catalog).use('/orders', ordersRouter); Router().use('/api', api).
    // The catalog router declares '/products' and '/products/:id', so both take '/api' through the local router.
    const graph = await analyze({ root: fixture, cache: false });
    expect(keys(serviceRoutes(graph, ['src/catalog/catalog.routes.ts', 'src/catalog/catalog.store.ts']))).toEqual([
      'GET /api/products src/catalog/catalog.routes.ts:7',
      'POST /api/products src/catalog/catalog.routes.ts:17',
      'GET /api/products/:id src/catalog/catalog.routes.ts:11',
    ]);
    expect(keys(serviceRoutes(graph, ['src/orders/orders.routes.ts']))).toEqual([
      'GET /api/orders/:id src/orders/orders.routes.ts:7',
    ]);
  });

  it('reads ids qualified with their file, and leaves other kinds and other files out', () => {
    const graph: Pick<Graph, 'useCases'> = {
      useCases: [
        { id: 'http GET /users/:id (src/a.ts)', kind: 'http', entry: 'src/a.ts', line: 3 },
        { id: 'http GET /users/:id (src/b.ts)', kind: 'http', entry: 'src/b.ts', line: 9 },
        { id: 'http DELETE /users/:id', kind: 'http', entry: 'src/a.ts', line: 5 },
        { id: 'http ALL /users', kind: 'http', entry: 'src/a.ts', line: 1 },
        { id: 'queue emails', kind: 'queue', entry: 'src/a.ts', line: 7 },
        { id: 'http GET /orders', kind: 'http', entry: 'src/c.ts', line: 2 },
      ],
    };
    expect(keys(serviceRoutes(graph, ['src/a.ts']))).toEqual([
      'ALL /users src/a.ts:1',
      'DELETE /users/:id src/a.ts:5',
      'GET /users/:id src/a.ts:3',
    ]);
    expect(serviceRoutes({}, ['src/a.ts'])).toEqual([]);
  });
});

describe('route patterns', () => {
  it('match what Express matches: a segment per parameter, an optional last one, a wildcard, a trailing slash', () => {
    expect(routePattern('/api/products/:id')).toBe('^/api/products/[^/]+/?$');
    expect(routePattern('/')).toBe('^/?$');
    expect(routePattern('/files/*')).toBe('^/files/.*/?$');
    expect(routePattern('/users/:id?')).toBe('^/users(?:/[^/]+)?/?$');
    expect(routePattern('/v1.0/flights/:from-:to')).toBe('^/v1\\.0/flights/[^/]+-[^/]+/?$');
    expect(routePattern('/items/:id(\\d+)')).toBeUndefined();
    const pattern = new RegExp(routePattern('/users/:id?')!, 'i');
    expect(['/users', '/users/', '/USERS/7', '/users/7/'].every((path) => pattern.test(path))).toBe(true);
    expect(['/users/7/posts', '/user', '/users7'].some((path) => pattern.test(path))).toBe(false);
  });

  it('refuses paths a generated file or an nginx table must not carry', () => {
    for (const path of ["/a'b", '/a b', '/a"b', '/$x', '/a\nb', 'relative', '/a//b', '/a\\b'])
      expect(routePattern(path)).toBeUndefined();
  });

  it('orders a static path before a pattern that also matches it', () => {
    const route = (path: string) => ({ method: 'GET', path, key: `GET ${path}`, entry: 'src/a.ts', line: 1 });
    const ordered = matchableRoutes([route('/a/*'), route('/a/:slug'), route('/a/feed'), route('/a/:slug/c')]);
    expect(ordered.map((r) => r.path)).toEqual(['/a/feed', '/a/:slug/c', '/a/:slug', '/a/*']);
  });
});
