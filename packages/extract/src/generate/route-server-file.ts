import type { ServiceRoute } from '../routes/service-routes.ts';
import { envPrefix, header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { importPath } from './import-path.ts';
import type { ExpressChain } from '../routes/app-setup.ts';
import { importLines } from '../routes/copy-expression.ts';
import { routeTableSource } from './route-table.ts';
import { settingsSource } from './service-settings.ts';

/**
 * routes-app.ts and routes-main.ts in the service: step one of the strangler fig for routes. An Express app
 * that mounts the monolith's own router files under the prefixes the monolith serves them at, answering
 * exactly the service's routes (anything else is a 404 before the monolith's code runs), behind the shared
 * secret, with body limits and timeouts, on 127.0.0.1 unless HOST says otherwise.
 */
export function routeServerFiles(
  origin: Origin,
  serviceFolder: string,
  routes: readonly ServiceRoute[],
  chain?: ExpressChain,
): GeneratedFile[] {
  const env = envPrefix(origin.service);
  const middleware =
    chain && chain.before.length + chain.after.length > 0 ? appMiddlewareFile(origin, serviceFolder, chain) : undefined;
  const appPath = `${serviceFolder}/src/routes-app.ts`;
  const { imports, entries } = entriesSource(appPath, routes);
  return [
    ...(middleware ? [middleware] : []),
    {
      path: appPath,
      content: `${header(origin, `the Express app serving ${origin.service}'s routes with the monolith's own handlers`)}
import { createHash, timingSafeEqual } from 'crypto';
import * as expressModule from 'express';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
${imports}
${middleware ? "import { after, before } from './app-middleware';\n" : ''}
// The express function however the monolith's settings load CommonJS (esModuleInterop or not, ESM or not).
const express = ((expressModule as unknown as { default?: unknown }).default ?? expressModule) as typeof import('express');

const SERVICE = ${stringLiteral(origin.service)};
const TOKEN_HEADER = 'x-seams-token';

${routeTableSource(routes)}
${routesSettingsSource(origin.service)}
${entries}

interface Layer {
  route?: { path?: unknown; methods?: Record<string, boolean> };
}
type Router = RequestHandler & { stack?: Layer[]; _router?: { stack?: Layer[] } };

const stackOf = (value: unknown): Layer[] | undefined =>
  typeof value === 'function' ? ((value as Router).stack ?? (value as Router)._router?.stack) : undefined;

// The router a file exports: its default export, the module itself (CommonJS), or its one export that is a router.
function routerOf(module: unknown): Router | undefined {
  const record = (module ?? {}) as Record<string, unknown>;
  return [record['default'], module, ...Object.values(record)].find((value): value is Router => Array.isArray(stackOf(value)));
}

const trimmed = (path: string) => path.replace(/\\/+$/, '');

// Where the monolith mounts a router: a route's full path less the path the router declares it at (the
// longest such path, so \`/:id\` does not take \`/products/:id\`'s route).
function prefixOf(router: Router, key: string): string | undefined {
  const [method, full] = key.split(' ') as [string, string];
  let best: string | undefined;
  for (const layer of stackOf(router) ?? []) {
    const methods = layer.route?.methods ?? {};
    if (!methods[method.toLowerCase()] && !methods['_all']) continue;
    for (const path of ([] as unknown[]).concat(layer.route?.path))
      if (typeof path === 'string' && trimmed(full).endsWith(trimmed(path)) && (best === undefined || trimmed(path).length > best.length))
        best = trimmed(path);
  }
  return best === undefined ? undefined : trimmed(full).slice(0, trimmed(full).length - best.length) || '/';
}

${mountsSource('Express router')}

/** The app: health, then the secret, then only the service's routes, then the monolith's routers. */
export function createRoutesApp(settings: RoutesSettings = routesSettingsFromEnv()): Express {
${tokenRequiredSource(env)}
  const app = express();
  app.disable('x-powered-by');
  app.get('/__seams/health', (_request, response) => void response.json({ status: 'ok', service: SERVICE }));
  app.use((request, response, next) => {
    if (!authorized(request.headers[TOKEN_HEADER], settings))
      return void response.status(401).json({ error: { code: 'BAD_TOKEN', message: \`\${SERVICE} needs the monolith's token (${env}_TOKEN)\` } });
    delete request.headers[TOKEN_HEADER];
    if (!routeOf(request.method, request.originalUrl))
      return void response.status(404).json({ error: { code: 'NO_ROUTE', message: \`\${SERVICE} does not serve this route\` } });
    // The limit holds whatever parser the app brings.
    if (Number(request.headers['content-length'] ?? 0) > settings.maxBodyBytes)
      return void response.status(413).json({ error: { code: 'BODY_TOO_LARGE', message: \`bodies above \${settings.maxBodyBytes} bytes are refused\` } });
    next();
  });
${
  middleware
    ? `  // The monolith's app-level middleware (${chain!.file}), in its order, around its routers; the parsers
  // below read only a body it left unread.
  for (const apply of before) apply(app);
  app.use(express.json({ limit: settings.maxBodyBytes }));
  app.use(express.urlencoded({ extended: false, limit: settings.maxBodyBytes }));
  for (const { prefix, router } of mounts()) app.use(prefix, router);
  for (const apply of after) apply(app);`
    : `  app.use(express.json({ limit: settings.maxBodyBytes }));
  app.use(express.urlencoded({ extended: false, limit: settings.maxBodyBytes }));
  // The monolith's app-level middleware these routes rely on (authentication, sessions, CORS) goes here.
  for (const { prefix, router } of mounts()) app.use(prefix, router);`
}
  // An error with a status (400 to 599) keeps it and its message; anything else is a 500 that says only that.
  const failed: ErrorRequestHandler = (error: { status?: unknown; statusCode?: unknown; message?: unknown }, _request, response, next) => {
    if (response.headersSent) return next(error);
    const said = typeof error?.status === 'number' ? error.status : error?.statusCode;
    const status = typeof said === 'number' && said >= 400 && said <= 599 ? said : 500;
    if (status === 500) console.error(\`\${SERVICE} routes:\`, error);
    const message = status < 500 || settings.debug ? String(error?.message ?? '') : \`\${SERVICE} failed unexpectedly (its log has the details)\`;
    response.status(status).json({ error: { message } });
  };
  app.use(failed);
  return app;
}
`,
    },
    {
      path: `${serviceFolder}/src/routes-main.ts`,
      content: `${header(origin, `starts the server of ${origin.service}'s routes`)}
import type { AddressInfo } from 'net';
import { createRoutesApp, routesSettingsFromEnv } from './routes-app';

${routesMainStart(origin.service)}const server = app.listen(port, host, () => {
  const { address, port: bound } = server.address() as AddressInfo;
  console.log(\`\${SERVICE} routes listening on http://\${address.includes(':') ? \`[\${address}]\` : address}:\${bound}\`);
});
server.headersTimeout = settings.headersTimeoutMs;
server.requestTimeout = settings.requestTimeoutMs;
// Finish the requests under way on SIGTERM (a deploy or a rollback), then exit.
process.once('SIGTERM', () => server.close(() => process.exit(0)));
`,
    },
  ];
}

/** The route server's settings from the environment and its check of the secret: the same in every kind of route server. */
export function routesSettingsSource(service: string): string {
  const names = {
    type: 'RoutesSettings',
    read: 'routesSettingsFromEnv',
    sender: "the monolith's routing layer",
    tokenVia: 'in x-seams-token',
    debugShows: "unexpected errors' messages",
  };
  return `${settingsSource(service, names)}

function authorized(given: string | string[] | undefined, settings: RoutesSettings): boolean {
  if (!settings.token) return settings.insecure;
  // Hashing first gives both sides one length, so the comparison time says nothing about the secret.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(typeof given === 'string' ? given : ''), digest(settings.token));
}`;
}

/**
 * app-middleware.ts: the monolith app's own `use(...)` calls around its routers, copied with their imports, each
 * a function of the app so its handlers are typed as the monolith's are.
 */
function appMiddlewareFile(origin: Origin, serviceFolder: string, chain: ExpressChain): GeneratedFile {
  const apply = (item: ExpressChain['before'][number]) => {
    const call = item.statement ? `${item.code};` : `app.use(${item.code});`;
    const parameter = item.statement ? '()' : '(app)';
    if (item.condition) return `  ${parameter} => {\n    if (${item.condition}) ${call}\n  },`;
    return item.statement ? `  () => {\n    ${call}\n  },` : `  (app) => void ${call.slice(0, -1)},`;
  };
  const list = (items: ExpressChain['before']) => items.map(apply).join('\n');
  return {
    path: `${serviceFolder}/src/app-middleware.ts`,
    content: `${header(origin, `the app-level middleware of ${chain.file}, which the route server applies as the monolith does`)}
${importLines([...chain.before, ...chain.after]).join('\n')}

type Apply = (app: import('express').Express) => void;

/** The monolith's \`app.use(...)\` calls before the routers that serve ${origin.service}'s routes, in order. */
export const before: Apply[] = [
${list(chain.before)}
];

/** And after them: error handlers and the answer for what no router served. */
export const after: Apply[] = [
${list(chain.after)}
];
`,
  };
}

/** The route server's refusal to start without a secret (or an explicit opt-out): every kind of route server. */
export const tokenRequiredSource = (env: string): string => `  if (!settings.token && !settings.insecure)
    throw new Error(\`\${SERVICE} routes: set ${env}_TOKEN to the secret the monolith sends (or ${env}_INSECURE=1 for local development only)\`);`;

/** mounts(): each exported router under each prefix the monolith serves it at (Express and Koa routers alike). */
export const mountsSource = (
  router: string,
): string => `/** Each router under each prefix the monolith serves it at; throws naming every route it could not place. */
function mounts(): Array<{ prefix: string; router: Router }> {
  const found: Array<{ prefix: string; router: Router }> = [];
  const missing: string[] = [];
  for (const entry of ENTRIES) {
    const router = routerOf(entry.module);
${placedSource({ value: 'router', declared: 'router', label: router, verb: 'mount' })}
}`;

/**
 * The end of the loop that places each file's router or plugin (\`value\`) under the prefixes its routes need
 * (found from \`declared\`), and the error naming every route none could place: in every kind of route server.
 */
export const placedSource = (names: { value: string; declared: string; label: string; verb: string }): string =>
  `    const prefixes = new Set<string>();
    for (const key of entry.routes) {
      const prefix = ${names.value} && prefixOf(${names.declared}, key);
      if (prefix === undefined) missing.push(\`\${key} (\${entry.file})\`);
      else prefixes.add(prefix);
    }
    for (const prefix of prefixes) found.push({ prefix, ${names.value}: ${names.value}! });
  }
  if (missing.length > 0)
    throw new Error(\`\${SERVICE} routes: no exported ${names.label} serves \${missing.join(', ')}: ${names.verb} those in routes-app.ts by hand\`);
  return found;`;

/** The route server's imports of the monolith's route files, and its ENTRIES table of the routes each declares. */
export function entriesSource(appPath: string, routes: readonly ServiceRoute[]): { imports: string; entries: string } {
  const entries = [...new Set(routes.map((r) => r.entry))].sort();
  const imports = entries.map((file, i) => `import * as entry${i + 1} from '${importPath(appPath, file)}';`);
  const table = entries.map((file, i) => {
    const keys = routes.filter((r) => r.entry === file).map((r) => stringLiteral(r.key));
    return `  { file: ${stringLiteral(file)}, module: entry${i + 1} as unknown, routes: [${keys.join(', ')}] },`;
  });
  return {
    imports: imports.join('\n'),
    entries: `/** The monolith's files that declare the service's routes, and the routes each declares. */
const ENTRIES: ReadonlyArray<{ file: string; module: unknown; routes: string[] }> = [
${table.join('\n')}
];`,
  };
}

/**
 * For setup copied from a JavaScript app file, the line that keeps the service's type-check off it: the monolith's
 * own JavaScript, which no type-check reads there either (its handler's \`error.statusCode\` on an \`unknown\`).
 */
export const javaScriptSource = (file: string): string =>
  /\.[cm]?jsx?$/.test(file)
    ? `// @ts-nocheck: copied from ${file}, JavaScript that no type-check reads in the monolith either.\n`
    : '';

/**
 * The start of a route server's `routes-main.ts`, whatever its framework: the service's name, loopback unless HOST
 * says otherwise, the port, the settings, and the app made from them (a bad setting exits with its one line).
 */
export function routesMainStart(service: string): string {
  return `const SERVICE = ${stringLiteral(service)};
// Only this machine can call it unless HOST says otherwise (a container sets HOST=0.0.0.0).
const host = process.env['HOST'] || '127.0.0.1';
const port = Number(process.env['PORT'] ?? 4011);
const settings = routesSettingsFromEnv();

let app: ReturnType<typeof createRoutesApp>;
try {
  app = createRoutesApp(settings);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
`;
}
