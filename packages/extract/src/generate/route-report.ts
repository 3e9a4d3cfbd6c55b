import type { ServiceRoute } from '../routes/service-routes.ts';
import { envPrefix, type Origin } from './generated-file.ts';
import { fastifyOnRouteName, fastifyRouteHookName } from './fastify-route-middleware-file.ts';
import { honoRouteMiddlewareName } from './hono-route-middleware-file.ts';
import { koaRouteMiddlewareName } from './koa-route-middleware-file.ts';
import { routeMiddlewareName } from './route-middleware-file.ts';
import { matchableRoutes } from './route-table.ts';

/** Where the route-level files of one extraction are, relative to the project root. */
export interface RouteFilesAt {
  middleware: string;
  /** The Koa adapter of the routing layer, for a Koa monolith. */
  koa?: string;
  /** The Fastify onRequest hook of the routing layer, for a Fastify monolith. */
  fastify?: string;
  /** The Hono middleware of the routing layer, for a Hono monolith on @hono/node-server. */
  hono?: string;
  /** The route server, when some of the files are Express routers it can mount. */
  app?: string;
  main?: string;
  /** Files whose routes the route server cannot mount (not Express): served by hand. */
  unserved: readonly string[];
  edge: readonly string[];
  /** What the route server could not copy from the monolith's app (middleware, bootstrap calls), one line each. */
  notes?: readonly string[];
  /** Session middleware that keeps its sessions in each process's memory (memory-sessions.ts), one line each. */
  sessions?: readonly string[];
  /** For a NestJS service: the modules its Nest application boots, and the bootstrap file it copies. */
  nest?: { modules: readonly string[]; bootstrap: string | undefined };
}

const envName = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/** EXTRACTION.md's section on the service's HTTP routes: what moves, how to mount and route it, the gateway table. */
export function routesSection(origin: Origin, routes: readonly ServiceRoute[], at: RouteFilesAt): string {
  const service = origin.service;
  const env = envPrefix(service);
  const matchable = new Set(matchableRoutes(routes).map((r) => r.key));
  const rows = routes.map(
    (r) =>
      `| \`${r.key}\` | ${r.entry}${r.line === undefined ? '' : `:${r.line}`} | ${
        matchable.has(r.key)
          ? `\`SEAMS_ROUTE_${envName(service)}_${envName(r.key)}\``
          : `not routed: its path ${JSON.stringify(r.path)} has characters a route table does not carry`
      } |`,
  );
  const example = { [service]: { routesUrl: 'http://127.0.0.1:4011', operations: { [routes[0]!.key]: 'shadow' } } };
  const name = routeMiddlewareName(service);
  return `
## HTTP routes (route-level strangling)

${routes.length} route${routes.length === 1 ? '' : 's'} that ${service}'s files serve, with the prefixes they are mounted under:

| route | declared at | its own setting |
| --- | --- | --- |
${rows.join('\n')}

1. Mount the routing layer in the monolith before any other middleware, so a proxied body is still unread.
   Express: \`import { ${name} } from '<path to ${at.middleware.replace(/\.ts$/, '')}>'\` and \`app.use(${name})\`
   right after \`express()\`; NestJS: \`app.use(${name})\` first in main.ts; Koa: ${
     at.koa
       ? `\`app.use(${koaRouteMiddlewareName(service)})\` from
   \`${at.koa.replace(/\.ts$/, '')}\``
       : `\`app.use((ctx, next) =>
   new Promise((done) => ${name}(ctx.req, ctx.res, () => done(next()))))\``
   } first;${
     at.fastify
       ? ` Fastify: \`app.addHook('onRoute', ${fastifyOnRouteName(service)})\` and
   \`app.addHook('onRequest', ${fastifyRouteHookName(service)})\` from \`${at.fastify.replace(/\.ts$/, '')}\` on the root
   instance, before any route;`
       : ''
   }${
     at.hono
       ? ` Hono: \`app.use(${honoRouteMiddlewareName(service)})\` from \`${at.hono.replace(/\.ts$/, '')}\` before any
   other middleware and route;`
       : ''
   } a plain Node server:
   \`${name}(req, res, () => handle(req, res))\`. Every route is still served locally.
2. ${serverStep(env, at)}${
    at.unserved.length > 0
      ? `\n   Serve the routes of ${at.unserved.map((f) => `\`${f}\``).join(', ')} by hand (not Express
   routers: a NestJS controller, a Koa or Fastify router, a home-made one), checking the secret in \`x-seams-token\`.`
      : ''
  }${sessionsNote(at.sessions ?? [])}
3. In the monolith set \`${env}_ROUTES_URL=http://127.0.0.1:4011\` and the same \`${env}_TOKEN\`, then route
   each route with its variable above, \`SEAMS_ROUTE_${envName(service)}\` for all, or the routing file:

   \`\`\`json
   ${JSON.stringify(example)}
   \`\`\`

   \`shadow\` serves locally and replays reads to the service, reporting a different status or body on stderr
   (\`"shadowWrites": true\` replays writes too: only when the service has its own data); \`remote\` proxies (a
   read the service cannot answer is served locally); \`10%\` proxies one request in ten.
4. Then the edge: ${at.edge.map((p) => `\`${p}\``).join(' and ')}
   send the same routes from nginx straight to the service (include the first in \`http {}\`, the second in
   the monolith's \`server {}\`; put the secret where it says).
`;
}

function serverStep(env: string, at: RouteFilesAt): string {
  if (!at.app || !at.main) return 'No route server is generated: none of the files is an Express router it can mount.';
  const start = `Start the service's route server: \`${env}_TOKEN=<secret> npx tsx ${at.main}\`
   (127.0.0.1:4011; HOST, PORT).`;
  const notes = (at.notes ?? []).map((n) => `\n   - ${n}`).join('');
  const missing = notes
    ? `\n   Not reproduced (add it by hand; until then shadow mode shows the differences):${notes}`
    : '';
  if (at.nest)
    return `Start the service's route server with the monolith's own TypeScript runner, which emits the decorator
   metadata Nest injects by (tsx and esbuild do not): \`${env}_TOKEN=<secret> node -r ts-node/register ${at.main}\`
   from the monolith's folder (127.0.0.1:4011; HOST, PORT), or compile it with tsc. It boots a Nest application of the monolith's own ${at.nest.modules.map((m) => `\`${m}\``).join(', ')}
   (${at.app}): their controllers, providers and middleware as Nest's container builds them, set up as
   ${at.nest.bootstrap ?? 'the monolith'} sets its app up, and answers only these routes.${missing}`;
  if (at.koa || at.fastify)
    return `${start} It ${at.koa ? "mounts the monolith's own koa-router routers" : "registers the monolith's own route plugins"} (${at.app})
   and answers only these routes. App-level middleware they rely on (authentication, the app's error handler)
   goes into that file where it says; until it is there, shadow mode shows the differences.`;
  return `${start} It mounts the monolith's own router files (${at.app}) behind the app's own
   middleware, in its order, and answers only these routes.${missing}`;
}

function sessionsNote(sessions: readonly string[]): string {
  if (sessions.length === 0) return '';
  return `\n   Sessions stay in the memory of the process that made them: ${sessions.join(', ')}.
   The route server is another process, so routed remote, a session it makes (a login) is unknown to the monolith
   and the other way round: requests carrying its cookie are refused. Give both one store (the database, Redis)
   before routing a route that makes or reads a session remote.`;
}
