import type { GeneratedFile, Origin } from '../generate/generated-file.ts';
import { koaRouteMiddlewareFile } from '../generate/koa-route-middleware-file.ts';
import { koaBodyParser, koaRouteServerFiles } from '../generate/koa-route-server-file.ts';
import { edgeFiles } from '../generate/route-edge-file.ts';
import { routeMiddlewareFile } from '../generate/route-middleware-file.ts';
import { routesSection } from '../generate/route-report.ts';
import { routeServerFiles } from '../generate/route-server-file.ts';
import type { ServiceRoute } from './service-routes.ts';

/**
 * Everything route-level strangling adds to an extraction: the routing layer beside the facade, the
 * service's route server, the nginx table, and the report's section on them.
 */
export function routeLevelFiles(
  origin: Origin,
  folders: { facade: string; service: string; edge: string },
  routes: readonly ServiceRoute[],
  readFile: (path: string) => string,
): { files: GeneratedFile[]; section: string } {
  const middleware = routeMiddlewareFile(origin, `${folders.facade}/routes.ts`, routes);
  const express = entriesUsing(EXPRESS, routes, readFile);
  // Koa when no file is an Express router (one route server per service, in one framework).
  const koa = express.size === 0 ? entriesUsing(KOA_ROUTER, routes, readFile) : new Set<string>();
  const koaLayer = koa.size > 0 ? [koaRouteMiddlewareFile(origin, `${folders.facade}/koa-routes.ts`)] : [];
  const served = routes.filter((r) => express.has(r.entry) || koa.has(r.entry));
  const server =
    served.length === 0
      ? []
      : koa.size > 0
        ? koaRouteServerFiles(origin, folders.service, served, koaBodyParser(readOptional(readFile, 'package.json')))
        : routeServerFiles(origin, folders.service, served);
  const edge = edgeFiles(origin, folders.edge, routes);
  const section = routesSection(origin, routes, {
    middleware: middleware.path,
    ...(server.length > 0 ? { app: server[0]!.path, main: server[1]!.path } : {}),
    ...(koaLayer.length > 0 ? { koa: koaLayer[0]!.path } : {}),
    unserved: [...new Set(routes.filter((r) => !express.has(r.entry) && !koa.has(r.entry)).map((r) => r.entry))],
    edge: edge.map((f) => f.path),
  });
  return { files: [middleware, ...koaLayer, ...server, ...edge], section };
}

// The route server mounts Express or Koa routers: files that import express, or koa-router / @koa/router (a
// NestJS controller, a Fastify router, a home-made router are served by hand).
const EXPRESS = /\bfrom\s*['"]express['"]|\brequire\(\s*['"]express['"]\s*\)/;
const KOA_ROUTER =
  /\bfrom\s*['"](?:@koa\/router|koa-router)['"]|\brequire\(\s*['"](?:@koa\/router|koa-router)['"]\s*\)/;

function entriesUsing(uses: RegExp, routes: readonly ServiceRoute[], readFile: (path: string) => string): Set<string> {
  const entries = new Set(routes.map((r) => r.entry));
  return new Set([...entries].filter((file) => uses.test(readFile(file))));
}

function readOptional(readFile: (path: string) => string, path: string): string | undefined {
  try {
    return readFile(path);
  } catch {
    return undefined;
  }
}
