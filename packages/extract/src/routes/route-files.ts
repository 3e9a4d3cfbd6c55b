import type { GeneratedFile, Origin } from '../generate/generated-file.ts';
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
  const express = expressEntries(routes, readFile);
  const served = routes.filter((r) => express.has(r.entry));
  const server = served.length > 0 ? routeServerFiles(origin, folders.service, served) : [];
  const edge = edgeFiles(origin, folders.edge, routes);
  const section = routesSection(origin, routes, {
    middleware: middleware.path,
    ...(server.length > 0 ? { app: server[0]!.path, main: server[1]!.path } : {}),
    unserved: [...new Set(routes.filter((r) => !express.has(r.entry)).map((r) => r.entry))],
    edge: edge.map((f) => f.path),
  });
  return { files: [middleware, ...server, ...edge], section };
}

// The route server mounts Express routers: files that import express (a NestJS controller, a Koa or
// Fastify router, a home-made router are served by hand).
function expressEntries(routes: readonly ServiceRoute[], readFile: (path: string) => string): Set<string> {
  const uses = /\bfrom\s*['"]express['"]|\brequire\(\s*['"]express['"]\s*\)/;
  const entries = new Set(routes.map((r) => r.entry));
  return new Set([...entries].filter((file) => uses.test(readFile(file))));
}
