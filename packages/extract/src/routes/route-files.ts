import type { GeneratedFile, Origin } from '../generate/generated-file.ts';
import { fastifyRouteMiddlewareFile } from '../generate/fastify-route-middleware-file.ts';
import { fastifyRouteServerFiles } from '../generate/fastify-route-server-file.ts';
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
): {
  files: GeneratedFile[];
  section: string;
  /** The packages the route server loads itself (its framework, its body parser), at the monolith's versions. */
  dependencies: Record<string, string>;
} {
  const middleware = routeMiddlewareFile(origin, `${folders.facade}/routes.ts`, routes);
  const manifest = readOptional(readFile, 'package.json');
  const express = entriesUsing(EXPRESS, routes, readFile);
  // One route server per service, in one framework: Express, else Koa, else Fastify.
  const koa = express.size === 0 ? entriesUsing(KOA_ROUTER, routes, readFile) : new Set<string>();
  const fastify =
    express.size === 0 && koa.size === 0 && dependsOn(manifest, 'fastify')
      ? fastifyEntries(routes, readFile)
      : new Set<string>();
  const layer =
    koa.size > 0
      ? [koaRouteMiddlewareFile(origin, `${folders.facade}/koa-routes.ts`)]
      : fastify.size > 0
        ? [fastifyRouteMiddlewareFile(origin, `${folders.facade}/fastify-routes.ts`)]
        : [];
  const served = routes.filter((r) => express.has(r.entry) || koa.has(r.entry) || fastify.has(r.entry));
  const server =
    served.length === 0
      ? []
      : koa.size > 0
        ? koaRouteServerFiles(origin, folders.service, served, koaBodyParser(manifest))
        : fastify.size > 0
          ? fastifyRouteServerFiles(origin, folders.service, served)
          : routeServerFiles(origin, folders.service, served);
  const edge = edgeFiles(origin, folders.edge, routes);
  const section = routesSection(origin, routes, {
    middleware: middleware.path,
    ...(server.length > 0 ? { app: server[0]!.path, main: server[1]!.path } : {}),
    ...(koa.size > 0 ? { koa: layer[0]!.path } : {}),
    ...(fastify.size > 0 ? { fastify: layer[0]!.path } : {}),
    unserved: [...new Set(routes.filter((r) => !served.includes(r)).map((r) => r.entry))],
    edge: edge.map((f) => f.path),
  });
  const framework =
    server.length === 0
      ? []
      : koa.size > 0
        ? ['koa', koaBodyParser(manifest)]
        : fastify.size > 0
          ? ['fastify']
          : ['express'];
  return { files: [middleware, ...layer, ...server, ...edge], section, dependencies: versions(manifest, framework) };
}

// The route server mounts Express or Koa routers (files that import express, or koa-router / @koa/router) or
// registers Fastify route plugins (in a monolith that depends on fastify, files that call a route method on
// a Fastify instance); a NestJS controller or a home-made router is served by hand.
const EXPRESS = /\bfrom\s*['"]express['"]|\brequire\(\s*['"]express['"]\s*\)/;
const KOA_ROUTER =
  /\bfrom\s*['"](?:@koa\/router|koa-router)['"]|\brequire\(\s*['"](?:@koa\/router|koa-router)['"]\s*\)/;

function entriesUsing(uses: RegExp, routes: readonly ServiceRoute[], readFile: (path: string) => string): Set<string> {
  const entries = new Set(routes.map((r) => r.entry));
  return new Set([...entries].filter((file) => uses.test(readFile(file))));
}

const FASTIFY_ROUTE = /\.(?:get|post|put|patch|delete|head|options|all|route)\s*\(/;
const NOT_FASTIFY = /@nestjs\/|\bfrom\s*['"]koa\b|\brequire\(\s*['"]koa\b/;

function fastifyEntries(routes: readonly ServiceRoute[], readFile: (path: string) => string): Set<string> {
  const entries = new Set(routes.map((r) => r.entry));
  return new Set(
    [...entries].filter((file) => {
      const text = readFile(file);
      return FASTIFY_ROUTE.test(text) && !NOT_FASTIFY.test(text);
    }),
  );
}

// The monolith's version of each package it lists (a package it does not list is left to its own imports).
function versions(manifest: string | undefined, names: ReadonlyArray<string | undefined>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of names) {
    const version = name === undefined ? undefined : declared(manifest, name);
    if (name && typeof version === 'string') found[name] = version;
  }
  return found;
}

function declared(manifest: string | undefined, name: string): unknown {
  try {
    const json = JSON.parse(manifest ?? '{}') as Record<string, Record<string, unknown> | undefined>;
    return json.dependencies?.[name] ?? json.devDependencies?.[name];
  } catch {
    return undefined;
  }
}

function dependsOn(manifest: string | undefined, name: string): boolean {
  return Boolean(declared(manifest, name));
}

function readOptional(readFile: (path: string) => string, path: string): string | undefined {
  try {
    return readFile(path);
  } catch {
    return undefined;
  }
}
