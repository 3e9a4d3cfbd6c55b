// The Fastify routing hook finds the service's route files from where it is placed: relative to the facade as the
// monolith compiles it (moved under src/ for a rootDir), so the same relative paths hold once built to dist/.
import { describe, expect, it } from 'vitest';
import { fastifyRouteMiddlewareFile } from '../src/generate/fastify-route-middleware-file.ts';

const origin = { service: 'books', name: 'Books', plan: 'seams.plan.json' };

describe("the Fastify routing hook's route files", () => {
  it('are relative to the facade where it lands, without their extension', () => {
    const routes = ['src/books/books.routes.ts', 'src/books/shelves.routes.ts'];
    const inPlace = fastifyRouteMiddlewareFile(origin, 'extracted/books/facade/fastify-routes.ts', routes);
    expect(inPlace.content).toContain(
      "const ROUTE_FILES: readonly string[] = ['../../../src/books/books.routes', '../../../src/books/shelves.routes'];",
    );
    const moved = fastifyRouteMiddlewareFile(
      origin,
      'extracted/books/facade/fastify-routes.ts',
      routes,
      'src/extracted/books/fastify-routes.ts',
    );
    expect(moved.path).toBe('extracted/books/facade/fastify-routes.ts');
    expect(moved.content).toContain(
      "const ROUTE_FILES: readonly string[] = ['../../books/books.routes', '../../books/shelves.routes'];",
    );
    expect(moved.content).toContain('export function booksFastifyOnRoute(');
  });
});
