import { importLines } from '../routes/copy-expression.ts';
import type { FastifyChain } from '../routes/fastify-setup.ts';
import type { ServiceRoute } from '../routes/service-routes.ts';
import { envPrefix, header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import {
  entriesSource,
  javaScriptSource,
  placedSource,
  routesSettingsSource,
  tokenRequiredSource,
} from './route-server-file.ts';
import { fastifyOnRouteName, ownRoutesSource, pathUnderPrefixSource } from './fastify-route-middleware-file.ts';
import { routeTableSource } from './route-table.ts';

/**
 * routes-app.ts and routes-main.ts in the service, for a Fastify monolith: a Fastify app that registers the
 * monolith's own route plugins under the prefixes the monolith registers them at, answering exactly the
 * service's routes, behind the shared secret, with a body limit and timeouts, on 127.0.0.1 unless HOST says
 * otherwise. A plugin's routes are read by registering it once in a probe instance (an onRoute hook).
 */
export function fastifyRouteServerFiles(
  origin: Origin,
  serviceFolder: string,
  routes: readonly ServiceRoute[],
  chain?: FastifyChain,
): GeneratedFile[] {
  const env = envPrefix(origin.service);
  const appPath = `${serviceFolder}/src/routes-app.ts`;
  const setup = chain && chain.steps.length > 0 ? chain : undefined;
  // The monolith's app plugin registers the route files itself: no entries to import, probe or place.
  const wraps = setup?.wraps === true;
  const { imports, entries } = wraps ? { imports: '', entries: '' } : entriesSource(appPath, routes);
  return [
    ...(setup ? [fastifySetupFile(origin, serviceFolder, setup)] : []),
    {
      path: appPath,
      content: `${header(origin, `the Fastify app serving ${origin.service}'s routes with the monolith's own handlers`)}
import { createHash, timingSafeEqual } from 'crypto';
import type { IncomingMessage, Server } from 'http';
import * as fastifyModule from 'fastify';
${imports}
${setup ? "import { appSetup } from './app-middleware';\n" : ''}
const SERVICE = ${stringLiteral(origin.service)};
const TOKEN_HEADER = 'x-seams-token';

/** The part of Fastify this file uses (any Fastify 4 or later). */
interface Request {
  method: string;
  url: string;
  raw: IncomingMessage;
  routeOptions?: { url?: string };
  routerPath?: string;
}
interface Reply {
  code(status: number): Reply;
  send(body: unknown): Reply;
  sent: boolean;
}
type Plugin = (instance: unknown, options: Record<string, unknown>) => unknown;
export interface FastifyApp {
  register(plugin: Plugin, options?: Record<string, unknown>): unknown;
  addHook(name: 'onRequest', hook: (request: Request, reply: Reply) => Promise<unknown>): unknown;
  addHook(name: 'onRoute', hook: (route: { method: string | string[]; url: string }) => void): unknown;
  get(path: string, handler: () => unknown): unknown;
  setErrorHandler(handler: (error: unknown, request: Request, reply: Reply) => unknown): unknown;
  ready(): Promise<unknown>;
  close(): Promise<unknown>;
  listen(options: { port: number; host: string }): Promise<string>;
  server: Server;
}

// Fastify's factory however the service's settings load it (esModuleInterop or not, ESM or not).
const moduleRecord = fastifyModule as unknown as Record<string, unknown>;
const Fastify = [moduleRecord.default, moduleRecord.fastify, fastifyModule].find((v) => typeof v === 'function') as (
  options?: Record<string, unknown>,
) => FastifyApp;

${routeTableSource(routes)}
${ownRoutesSource(
  appPath,
  routes.map((r) => r.entry),
  fastifyOnRouteName(origin.service),
)}

${pathUnderPrefixSource}
${routesSettingsSource(origin.service)}
${wraps ? '' : `${entries}\n\n${pluginOfSource}`}
${
  setup
    ? `/**
 * The monolith's own setup (${setup.file}), in its order: the plugins that decorate the instance (its database
 * client, authentication), its hooks and error handler${wraps ? '' : ', registered before the route plugins, in the app and in\n * the probe'}.
 */
async function appLevel(app: FastifyApp): Promise<FastifyApp> {
  for (const apply of appSetup) await apply(app as unknown as Parameters<typeof apply>[0]);
  return app;
}`
    : `/**
 * The monolith's app-level plugins and hooks these routes rely on (authentication, decorators such as its
 * database client) go here: they are registered before the route plugins, in the app and in the probe.
 */
async function appLevel(app: FastifyApp): Promise<FastifyApp> {
  return app;
}`
}

${wraps ? '' : `${registrationsSource}\n`}/** The app: health, then the secret, then only the service's routes, then the monolith's plugins. */
export async function createRoutesApp(settings: RoutesSettings = routesSettingsFromEnv()): Promise<FastifyApp> {
${tokenRequiredSource(env)}
  const app = Fastify({ bodyLimit: settings.maxBodyBytes, requestTimeout: settings.requestTimeoutMs });
  app.server.headersTimeout = settings.headersTimeoutMs;
  // Only the routes the service's files register are answered, under the prefix each got (not another plugin's).
  app.addHook('onRoute', ${fastifyOnRouteName(origin.service)});
  app.get('/__seams/health', () => ({ status: 'ok', service: SERVICE }));
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' && request.url === '/__seams/health') return;
    if (!authorized(request.raw.headers[TOKEN_HEADER], settings))
      return reply.code(401).send({ error: { code: 'BAD_TOKEN', message: \`\${SERVICE} needs the monolith's token (${env}_TOKEN)\` } });
    delete request.raw.headers[TOKEN_HEADER];
    const under = pathUnderPrefix(request);
    if (under === null || (!routeOf(request.method, request.url) && !routeOf(request.method, under)))
      return reply.code(404).send({ error: { code: 'NO_ROUTE', message: \`\${SERVICE} does not serve this route\` } });
  });
  // An error with a status (400 to 599) keeps it and its message; anything else is a 500 that says only that.
  app.setErrorHandler((error, _request, reply) => {
    const { statusCode, status: given, message } = (error ?? {}) as { statusCode?: unknown; status?: unknown; message?: unknown };
    const said = typeof statusCode === 'number' ? statusCode : given;
    const status = typeof said === 'number' && said >= 400 && said <= 599 ? said : 500;
    if (status === 500) console.error(\`\${SERVICE} routes:\`, error);
    const text = status < 500 || settings.debug ? String(message ?? '') : \`\${SERVICE} failed unexpectedly (its log has the details)\`;
    return reply.code(status).send({ error: { message: text } });
  });
${wraps ? wrappedSource : '  await appLevel(app);\n  for (const { prefix, plugin } of await registrations()) app.register(plugin, prefix ? { prefix } : {});'}
  return app;
}
`,
    },
    {
      path: `${serviceFolder}/src/routes-main.ts`,
      content: `${header(origin, `starts the Fastify server of ${origin.service}'s routes`)}
import type { AddressInfo } from 'net';
import { createRoutesApp, routesSettingsFromEnv } from './routes-app';

const SERVICE = ${stringLiteral(origin.service)};
// Only this machine can call it unless HOST says otherwise (a container sets HOST=0.0.0.0).
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT ?? 4011);

createRoutesApp(routesSettingsFromEnv()).then(
  async (app) => {
    await app.listen({ port, host });
    const { address, port: bound } = app.server.address() as AddressInfo;
    console.log(\`\${SERVICE} routes listening on http://\${address.includes(':') ? \`[\${address}]\` : address}:\${bound}\`);
    // Finish the requests under way on SIGTERM (a deploy or a rollback), then exit.
    process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  },
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
`,
    },
  ];
}

/**
 * app-middleware.ts for a Fastify route server: the monolith app's own setup calls (plugins, decorators, hooks,
 * its error handler), copied with their imports, each a function of the app.
 */
function fastifySetupFile(origin: Origin, serviceFolder: string, chain: FastifyChain): GeneratedFile {
  const apply = (step: FastifyChain['steps'][number]) =>
    `  ${step.awaits ? 'async ' : ''}(${chain.app}) => {\n    ${step.condition ? `if (${step.condition}) ` : ''}${step.code};\n  },`;
  return {
    path: `${serviceFolder}/src/app-middleware.ts`,
    content: `${header(origin, `the app setup of ${chain.file}, which the Fastify route server applies as the monolith does`)}
${javaScriptSource(chain.file)}${importLines(chain.steps).join('\n')}

type Apply = (app: import('fastify').FastifyInstance) => void | Promise<void>;

/** The monolith's setup of its app that ${origin.service}'s route plugins rely on, in order. */
export const appSetup: Apply[] = [
${chain.steps.map(apply).join('\n')}
];
`,
  };
}

// The monolith's app plugin registers the route files itself, under the prefixes it gives them: the app checks
// at start that the service's files registered every route of the service (under a literal prefix, when its path
// has one only at run time), rather than answering 404 to each.
const wrappedSource = `  await appLevel(app);
  await app.ready();
  const missing = ROUTES.filter((route) => {
    const declared = route.key.slice(route.key.indexOf(' ') + 1).replace(/\\/+$/, '');
    return ![...OWN_ROUTES].some((own) => {
      const [method, full] = [own.slice(0, own.indexOf(' ')), own.slice(own.indexOf(' ') + 1)];
      const prefix = full.slice(0, full.length - declared.length);
      return (route.method === 'ALL' || method === route.method) && full.endsWith(declared) && /^(?:\\/[^:*]*)?$/.test(prefix);
    });
  });
  if (missing.length > 0)
    throw new Error(\`\${SERVICE} routes: the monolith's app plugin does not register \${missing.map((r) => r.key).join(', ')} from \${ROUTE_FILES.join(', ')}\`);`;

// The route plugin a file exports, for a route server that registers the route files itself.
const pluginOfSource = `// The route plugin a file exports: its default export, the module itself (CommonJS), or its one function export.
function pluginOf(module: unknown): Plugin | undefined {
  const record = (module ?? {}) as Record<string, unknown>;
  const candidates = [record.default, module, ...Object.values(record)];
  return candidates.find((value): value is Plugin => typeof value === 'function');
}
`;

// Each route file's plugin under the prefix the monolith registers it at, read in a probe instance.
const registrationsSource = `// A plugin's routes as it declares them (no prefix): registered once in a probe instance that only listens to onRoute.
async function declared(plugin: Plugin): Promise<Array<{ methods: string[]; url: string }>> {
  const probe = await appLevel(Fastify());
  const found: Array<{ methods: string[]; url: string }> = [];
  probe.addHook('onRoute', (route) => void found.push({ methods: ([] as string[]).concat(route.method), url: route.url }));
  probe.register(plugin);
  await probe.ready();
  await probe.close();
  return found;
}

const trimmed = (path: string) => path.replace(/\\/+$/, '');

// Where the monolith registers a plugin: a route's full path less the path the plugin declares it at (the
// longest such path, so \`/:id\` does not take \`/products/:id\`'s route).
function prefixOf(own: Array<{ methods: string[]; url: string }>, key: string): string | undefined {
  const [method, full] = key.split(' ') as [string, string];
  let best: string | undefined;
  for (const route of own) {
    if (method !== 'ALL' && !route.methods.includes(method)) continue;
    const path = trimmed(route.url);
    if (trimmed(full).endsWith(path) && (best === undefined || path.length > best.length)) best = path;
  }
  return best === undefined ? undefined : trimmed(full).slice(0, trimmed(full).length - best.length);
}

/** Each plugin under each prefix the monolith registers it at; throws naming every route it could not place. */
async function registrations(): Promise<Array<{ prefix: string; plugin: Plugin }>> {
  const found: Array<{ prefix: string; plugin: Plugin }> = [];
  const missing: string[] = [];
  for (const entry of ENTRIES) {
    const plugin = pluginOf(entry.module);
    let own: Array<{ methods: string[]; url: string }> = [];
    try {
      own = plugin ? await declared(plugin) : [];
    } catch (error) {
      // A plugin that needs what the app registers first (a decorator): appLevel() is where that goes.
      throw new Error(\`\${SERVICE} routes: \${entry.file} did not register (\${(error as Error).message}): add what it needs to appLevel() in routes-app.ts\`);
    }
${placedSource({ value: 'plugin', declared: 'own', label: 'Fastify plugin', verb: 'register' })}
}
`;
