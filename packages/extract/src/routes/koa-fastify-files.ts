import { fastifyRouteMiddlewareFile } from '../generate/fastify-route-middleware-file.ts';
import { fastifyRouteServerFiles } from '../generate/fastify-route-server-file.ts';
import type { GeneratedFile, Origin } from '../generate/generated-file.ts';
import { koaRouteMiddlewareFile } from '../generate/koa-route-middleware-file.ts';
import { koaBodyParser, koaRouteServerFiles } from '../generate/koa-route-server-file.ts';
import type { FastifyChain } from './fastify-setup.ts';
import type { KoaChain } from './koa-setup.ts';
import type { ServiceRoute } from './service-routes.ts';

/** The Koa or Fastify side of a route-level extraction: the framework's adapter of the routing layer, its route server. */
export interface FrameworkRouteFiles {
  /** koa-routes.ts or fastify-routes.ts, beside routes.ts. */
  layer: GeneratedFile;
  server: GeneratedFile[];
  /** The route files the server mounts. */
  served: ReadonlySet<string>;
  framework: 'koa' | 'fastify';
  /** What of the monolith's app setup the route server does not apply, one line each. */
  notes: string[];
}

// Files that import koa-router or @koa/router; Fastify route files, in a monolith that depends on fastify, are
// those that declare routes on an instance and are not Koa or NestJS code.
const KOA_ROUTER =
  /\bfrom\s*['"](?:@koa\/router|koa-router)['"]|\brequire\(\s*['"](?:@koa\/router|koa-router)['"]\s*\)/;
const FASTIFY_ROUTE = /\.(?:get|post|put|patch|delete|head|options|all|route)\s*\(/;
const NOT_FASTIFY = /@nestjs\/|\bfrom\s*['"]koa\b|\brequire\(\s*['"]koa\b/;

/**
 * For a service whose route files are Koa routers (else Fastify route plugins): the files that serve them.
 * Undefined when they are neither (the caller serves Express and NestJS itself).
 */
export function koaOrFastifyFiles(
  origin: Origin,
  /** `placed`: where the facade folder is once placed in the monolith's compilation scope, when elsewhere. */
  folders: { facade: string; service: string; placed?: string },
  routes: readonly ServiceRoute[],
  text: (path: string) => string,
  /** The monolith's Koa app setup around the routers of these files (read only for a Koa service). */
  koaChain: (served: ReadonlySet<string>) => KoaChain | undefined = () => undefined,
  /** The monolith's Fastify app setup around the registration of these files (read only for a Fastify service). */
  fastifyChain: (served: ReadonlySet<string>) => FastifyChain | undefined = () => undefined,
): FrameworkRouteFiles | undefined {
  const entries = [...new Set(routes.map((r) => r.entry))];
  const manifest = text('package.json');
  const koa = new Set(entries.filter((file) => KOA_ROUTER.test(text(file))));
  if (koa.size > 0) {
    const chain = koaChain(koa);
    return {
      layer: koaRouteMiddlewareFile(origin, `${folders.facade}/koa-routes.ts`),
      server: koaRouteServerFiles(
        origin,
        folders.service,
        routes.filter((r) => koa.has(r.entry)),
        koaBodyParser(manifest),
        chain,
      ),
      served: koa,
      framework: 'koa',
      notes: chain?.notes ?? [],
    };
  }
  if (!dependsOn(manifest, 'fastify')) return undefined;
  const fastify = new Set(entries.filter((file) => FASTIFY_ROUTE.test(text(file)) && !NOT_FASTIFY.test(text(file))));
  if (fastify.size === 0) return undefined;
  const chain = fastifyChain(fastify);
  return {
    layer: fastifyRouteMiddlewareFile(
      origin,
      `${folders.facade}/fastify-routes.ts`,
      [...fastify],
      `${folders.placed ?? folders.facade}/fastify-routes.ts`,
    ),
    server: fastifyRouteServerFiles(
      origin,
      folders.service,
      routes.filter((r) => fastify.has(r.entry)),
      chain,
    ),
    served: fastify,
    framework: 'fastify',
    notes: chain?.notes ?? [],
  };
}

function dependsOn(manifest: string, name: string): boolean {
  try {
    const json = JSON.parse(manifest || '{}') as Record<string, Record<string, unknown> | undefined>;
    return Boolean(json.dependencies?.[name] ?? json.devDependencies?.[name]);
  } catch {
    return false;
  }
}
