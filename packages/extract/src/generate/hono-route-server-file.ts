import type { HonoChain } from '../routes/hono-setup.ts';
import { importLines } from '../routes/copy-expression.ts';
import type { ServiceRoute } from '../routes/service-routes.ts';
import { envPrefix, header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import {
  entriesSource,
  mountsSource,
  routesMainStart,
  routesSettingsSource,
  tokenRequiredSource,
} from './route-server-file.ts';
import { routeTableSource } from './route-table.ts';

/**
 * routes-app.ts and routes-main.ts in the service, for a Hono monolith: a Hono app that mounts the monolith's own
 * sub-apps (`app.route(prefix, sub)`) under the prefixes the monolith serves them at, behind the app's own
 * app-level middleware (copied into app-middleware.ts), answering exactly the service's routes, behind the shared
 * secret, with a body limit and timeouts, served by @hono/node-server on 127.0.0.1 unless HOST says otherwise.
 */
export function honoRouteServerFiles(
  origin: Origin,
  serviceFolder: string,
  routes: readonly ServiceRoute[],
  chain: HonoChain | undefined,
): GeneratedFile[] {
  const env = envPrefix(origin.service);
  const appPath = `${serviceFolder}/src/routes-app.ts`;
  const { imports, entries } = entriesSource(appPath, routes);
  const middleware = chain && chain.before.length > 0 ? honoMiddlewareFile(origin, serviceFolder, chain) : undefined;
  return [
    ...(middleware ? [middleware] : []),
    {
      path: appPath,
      content: `${header(origin, `the Hono app serving ${origin.service}'s routes with the monolith's own handlers`)}
import { createHash, timingSafeEqual } from 'crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
${imports}
${middleware ? "import { before } from './app-middleware';\n" : ''}
const SERVICE = ${stringLiteral(origin.service)};
const TOKEN_HEADER = 'x-seams-token';

${routeTableSource(routes)}
${routesSettingsSource(origin.service)}
${entries}

// The monolith's app env (its bindings and variables) is its own: the sub-apps and the copied middleware are typed
// as they are there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Router = Hono<any>;

// A Hono app: checked by shape, so the monolith's copy of hono and the service's may differ.
const isApp = (value: unknown): value is Router =>
  typeof value === 'object' && value !== null && typeof (value as Router).fetch === 'function' && Array.isArray((value as Router).routes);

// The sub-app a file exports: its default export, or any export that is a Hono app.
function routerOf(module: unknown): Router | undefined {
  const record = (module ?? {}) as Record<string, unknown>;
  return [record['default'], ...Object.values(record)].find(isApp);
}

const trimmed = (path: string) => path.replace(/\\/+$/, '');

// Where the monolith mounts a sub-app: a route's full path less the path the sub-app declares it at (the longest
// such path, so \`/:id\` does not take \`/products/:id\`'s route).
function prefixOf(router: Router, key: string): string | undefined {
  const [method, full] = key.split(' ') as [string, string];
  let best: string | undefined;
  for (const route of router.routes) {
    if (route.method !== method && !(method === 'ALL' && route.method === 'ALL')) continue;
    const path = trimmed(route.path);
    if (trimmed(full).endsWith(path) && (best === undefined || path.length > best.length)) best = path;
  }
  return best === undefined ? undefined : trimmed(full).slice(0, trimmed(full).length - best.length) || '/';
}

${mountsSource('Hono app')}

/** The app: errors, health, then the secret, then only the service's routes, then the monolith's sub-apps. */
export function createRoutesApp(settings: RoutesSettings = routesSettingsFromEnv()): Router {
${tokenRequiredSource(env)}
  const app: Router = new Hono();
  // An HTTPException answers as it says; another error with a status (400 to 599) keeps it and its message;
  // anything else is a 500 that says only that.
  app.onError((error, c) => {
    const { status: given, statusCode, message, getResponse } = error as Error & { status?: unknown; statusCode?: unknown; getResponse?: () => Response };
    if (typeof getResponse === 'function') return getResponse.call(error);
    const said = typeof given === 'number' ? given : statusCode;
    const status = typeof said === 'number' && said >= 400 && said <= 599 ? said : 500;
    if (status === 500) console.error(\`\${SERVICE} routes:\`, error);
    const text = status < 500 || settings.debug ? String(message ?? '') : \`\${SERVICE} failed unexpectedly (its log has the details)\`;
    return c.json({ error: { message: text } }, status as 500);
  });
  app.get('/__seams/health', (c) => c.json({ status: 'ok', service: SERVICE }));
  app.use(async (c, next) => {
    if (!authorized(c.req.header(TOKEN_HEADER), settings))
      return c.json({ error: { code: 'BAD_TOKEN', message: \`\${SERVICE} needs the monolith's token (${env}_TOKEN)\` } }, 401);
    // The monolith's handlers never see the secret (a runtime whose request headers cannot change keeps it there).
    try {
      c.req.raw.headers.delete(TOKEN_HEADER);
    } catch {}
    if (!routeOf(c.req.method, new URL(c.req.url).pathname))
      return c.json({ error: { code: 'NO_ROUTE', message: \`\${SERVICE} does not serve this route\` } }, 404);
    await next();
  });
  app.use(bodyLimit({ maxSize: settings.maxBodyBytes, onError: (c) => c.json({ error: { code: 'BODY_TOO_LARGE', message: \`bodies above \${settings.maxBodyBytes} bytes are refused\` } }, 413) }));
${
  middleware
    ? `  // The monolith's app-level middleware (${chain!.file}), in its order, before its sub-apps.
  for (const apply of before) apply(app);`
    : "  // The monolith's app-level middleware these routes rely on (the database on c.var, authentication) goes here."
}
  for (const { prefix, router } of mounts()) app.route(prefix, router);
  return app;
}
`,
    },
    {
      path: `${serviceFolder}/src/routes-main.ts`,
      content: `${header(origin, `starts the server of ${origin.service}'s routes`)}
import type { Server } from 'http';
import { serve } from '@hono/node-server';
import { createRoutesApp, routesSettingsFromEnv } from './routes-app';

${routesMainStart(origin.service)}// On Node a Hono app's bindings (c.env) are what its server passes: the environment, as a monolith's server passes
// its settings, and @hono/node-server's incoming and outgoing.
const server = serve({ fetch: (request, bindings) => app.fetch(request, { ...process.env, ...bindings }), port, hostname: host }, (info) => {
  console.log(\`\${SERVICE} routes listening on http://\${info.address.includes(':') ? \`[\${info.address}]\` : info.address}:\${info.port}\`);
}) as Server;
server.headersTimeout = settings.headersTimeoutMs;
server.requestTimeout = settings.requestTimeoutMs;
// Finish the requests under way on SIGTERM (a deploy or a rollback), then exit.
process.once('SIGTERM', () => server.close(() => process.exit(0)));
`,
    },
  ];
}

/** app-middleware.ts: the monolith app's own \`use(...)\` calls before its sub-apps, copied with their imports. */
function honoMiddlewareFile(origin: Origin, serviceFolder: string, chain: HonoChain): GeneratedFile {
  return {
    path: `${serviceFolder}/src/app-middleware.ts`,
    content: `${header(origin, `the app-level middleware of ${chain.file}, which the route server applies as the monolith does`)}
import type { Hono } from 'hono';
${importLines(chain.before).join('\n')}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Apply = (app: Hono<any>) => void;

/** The monolith's \`use(...)\` calls before the sub-apps that serve ${origin.service}'s routes, in order. */
export const before: Apply[] = [
${chain.before.map((item) => `  (app) => void app.use(${item.code}),`).join('\n')}
];
`,
  };
}
