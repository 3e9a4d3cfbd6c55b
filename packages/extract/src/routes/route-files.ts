import { isBuiltin } from 'node:module';
import type { Graph } from '@seams/graph';
import type { GeneratedFile, Origin } from '../generate/generated-file.ts';
import { nestServiceFiles } from '../generate/nest-service-files.ts';
import { edgeFiles } from '../generate/route-edge-file.ts';
import { routeMiddlewareFile } from '../generate/route-middleware-file.ts';
import { routesSection } from '../generate/route-report.ts';
import { routeServerFiles } from '../generate/route-server-file.ts';
import type { NestBootstrap } from './app-setup.ts';
import { koaOrFastifyFiles } from './koa-fastify-files.ts';
import { memorySessions } from './memory-sessions.ts';
import type { ServiceRoute } from './service-routes.ts';

/** The monolith as the route layer reads it: its files, its imports, and a reader. */
export interface RouteProject {
  graph: Pick<Graph, 'files' | 'edges'>;
  readFile: (path: string) => string;
}

/**
 * Everything route-level strangling adds to an extraction: the routing layer beside the facade, the
 * service's route server (Express routers mounted behind the app's own middleware, or a Nest application
 * of the monolith's modules), the nginx table, and the report's section on them. The routes come back with
 * a NestJS app's global prefix in their paths, as clients call them.
 */
export async function routeLevelFiles(
  origin: Origin,
  folders: { facade: string; service: string; edge: string; placed?: string },
  found: readonly ServiceRoute[],
  project: RouteProject,
): Promise<{ files: GeneratedFile[]; section: string; routes: ServiceRoute[]; nest: boolean; packages: string[] }> {
  // ts-morph loads in about a second: only an extraction with routes pays for it.
  const setup = await import('./app-setup.ts');
  const { readFile } = project;
  const files = project.graph.files.map((f) => f.path);
  const text = (file: string) => {
    try {
      return readFile(file);
    } catch {
      return '';
    }
  };
  const entries = new Set(found.map((r) => r.entry));
  const nestEntries = new Set([...entries].filter((file) => isNestController(text(file))));
  const bootstrap =
    nestEntries.size > 0
      ? setup.nestBootstrap({
          files,
          readFile,
          reaches: new Set(),
          target: `${folders.service}/src/nest-setup.ts`,
        })
      : undefined;
  const routes = found.map((r) => (nestEntries.has(r.entry) ? prefixed(r, bootstrap?.prefix) : r));
  const modules = nestEntries.size > 0 ? setup.nestControllerModules({ files, readFile }, nestEntries) : [];
  const nest =
    modules.length > 0
      ? nestServiceFiles(
          origin,
          folders.service,
          routes.filter((r) => nestEntries.has(r.entry)),
          { modules, bootstrap },
        )
      : [];
  const express = new Set([...entries].filter((file) => !nestEntries.has(file) && usesExpress(text(file))));
  const served = routes.filter((r) => express.has(r.entry));
  const chain =
    served.length > 0
      ? setup.expressChain({
          files,
          readFile,
          reaches: reaching(project.graph, express),
          target: `${folders.service}/src/app-middleware.ts`,
        })
      : undefined;
  // What the Hono, Koa or Fastify setup readers need: the project, the files reaching the route files, where copies go.
  const setupInputs = (routeFiles: ReadonlySet<string>) => ({
    files,
    readFile,
    reaches: reaching(project.graph, routeFiles),
    target: `${folders.service}/src/app-middleware.ts`,
  });
  // Hono sub-apps, else Koa routers or Fastify route plugins, when no file is an Express router or a Nest controller.
  const neither = express.size === 0 && nest.length === 0;
  const hono = neither
    ? (await import('./hono-files.ts')).honoFiles(origin, folders, routes, text, setupInputs)
    : undefined;
  const koaSetup = neither && !hono ? await import('./koa-setup.ts') : undefined;
  const fastifySetup = koaSetup ? await import('./fastify-setup.ts') : undefined;
  const other =
    hono ??
    (koaSetup
      ? koaOrFastifyFiles(
          origin,
          folders,
          routes,
          text,
          (koa) => koaSetup.koaChain(setupInputs(koa)),
          (fastify) => fastifySetup?.fastifyChain(setupInputs(fastify)),
        )
      : undefined);
  const server = served.length > 0 ? routeServerFiles(origin, folders.service, served, chain) : (other?.server ?? []);
  const middleware = routeMiddlewareFile(origin, `${folders.facade}/routes.ts`, routes);
  const edge = edgeFiles(origin, folders.edge, routes);
  const main = [...server, ...nest].find((f) => /\/(?:routes|nest)-main\.ts$/.test(f.path));
  const app = [...server, ...nest].find((f) => /\/(?:routes-app|nest-module)\.ts$/.test(f.path));
  const section = routesSection(origin, routes, {
    middleware: middleware.path,
    ...(main && app ? { app: app.path, main: main.path } : {}),
    ...(other ? { [other.framework]: other.layer.path } : {}),
    unserved: [...entries].filter(
      (e) => !express.has(e) && !(nest.length > 0 && nestEntries.has(e)) && !other?.served.has(e),
    ),
    edge: edge.map((f) => f.path),
    notes: [...(chain?.notes ?? []), ...(other?.notes ?? []), ...(nest.length > 0 ? nestNotes(bootstrap) : [])],
    sessions: memorySessions(files, readFile),
    ...(nest.length > 0 ? { nest: { modules: modules.map((m) => m.name), bootstrap: bootstrap?.file } } : {}),
  });
  return {
    files: [middleware, ...(other ? [other.layer] : []), ...server, ...nest, ...edge],
    section,
    routes,
    nest: nest.length > 0,
    packages: packagesOf([...server, ...nest]),
  };
}

// The route server mounts Express routers: files that import express (a Koa or Fastify router, a home-made
// router are served by hand; a NestJS controller by the service's Nest application).
const usesExpress = (text: string) => /\bfrom\s*['"]express['"]|\brequire\(\s*['"]express['"]\s*\)/.test(text);
const isNestController = (text: string) => /@Controller\s*\(/.test(text) && /['"]@nestjs\/common['"]/.test(text);

/** `GET /tags` under `app.setGlobalPrefix('api')`: `GET /api/tags`, as Nest serves it. */
function prefixed(route: ServiceRoute, prefix: string | undefined): ServiceRoute {
  const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  if (!trimmed) return route;
  const path = route.path === '/' ? `/${trimmed}` : `/${trimmed}${route.path}`;
  return { ...route, path, key: `${route.method} ${path}` };
}

const nestNotes = (bootstrap: NestBootstrap | undefined): string[] =>
  bootstrap
    ? bootstrap.notes
    : ['no file calls `NestFactory.create`: the service app has no global prefix, pipes or filters of the monolith'];

/** The files that import one of `targets`, directly or through others, and the targets. */
function reaching(graph: Pick<Graph, 'edges'>, targets: ReadonlySet<string>): Set<string> {
  const importers = new Map<string, string[]>();
  for (const edge of graph.edges) importers.set(edge.to, [...(importers.get(edge.to) ?? []), edge.from]);
  const found = new Set(targets);
  const queue = [...targets];
  while (queue.length > 0)
    for (const from of importers.get(queue.pop()!) ?? [])
      if (!found.has(from)) {
        found.add(from);
        queue.push(from);
      }
  return found;
}

/** The packages generated files import (`@nestjs/core`, `cors`): the service's package.json lists them. */
function packagesOf(files: readonly GeneratedFile[]): string[] {
  // Imports, and the \`require('helmet')\` a CommonJS monolith's copied setup inlines.
  const specifiers = files.flatMap((f) => [
    ...[...f.content.matchAll(/^import [^'\n]*'([^'.][^']*)';$/gm)].map((m) => m[1]!),
    ...[...f.content.matchAll(/\brequire\(\s*['"]([^'".][^'"]*)['"]\s*\)/g)].map((m) => m[1]!),
  ]);
  const names = specifiers.map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
  // The platform Nest serves HTTP with, which @nestjs/core loads by name.
  if (names.includes('@nestjs/core')) names.push('@nestjs/platform-express', 'reflect-metadata');
  return [...new Set(names)].filter((name) => !isBuiltin(name)).sort();
}
