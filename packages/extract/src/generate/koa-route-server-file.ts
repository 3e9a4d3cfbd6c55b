import { importLines } from '../routes/copy-expression.ts';
import type { KoaChain, KoaStep } from '../routes/koa-setup.ts';
import type { ServiceRoute } from '../routes/service-routes.ts';
import { envPrefix, header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import {
  entriesSource,
  javaScriptSource,
  mountsSource,
  routeServerFiles,
  routesSettingsSource,
  tokenRequiredSource,
} from './route-server-file.ts';
import { routeTableSource } from './route-table.ts';

// Koa body parsers the service can take from the monolith, in the order they are looked for; each takes these limits.
const BODY_PARSERS = ['koa-bodyparser', '@koa/bodyparser', 'koa-body'];

/** The body parser the monolith depends on, if it is one the Koa route server knows. */
export function koaBodyParser(packageJson: string | undefined): string | undefined {
  let manifest: { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> } = {};
  try {
    manifest = JSON.parse(packageJson ?? '{}') as typeof manifest;
  } catch {
    return undefined;
  }
  return BODY_PARSERS.find((name) => manifest.dependencies?.[name] ?? manifest.devDependencies?.[name]);
}

/**
 * routes-app.ts and routes-main.ts in the service, for a Koa monolith: a Koa app that mounts the monolith's
 * own koa-router routers under the prefixes the monolith serves them at, answering exactly the service's
 * routes (anything else is a 404 before the monolith's code runs), behind the shared secret, with the
 * monolith's body parser under a limit and server timeouts, on 127.0.0.1 unless HOST says otherwise.
 */
export function koaRouteServerFiles(
  origin: Origin,
  serviceFolder: string,
  routes: readonly ServiceRoute[],
  bodyParser: string | undefined,
  chain?: KoaChain,
): GeneratedFile[] {
  const env = envPrefix(origin.service);
  const appPath = `${serviceFolder}/src/routes-app.ts`;
  const { imports, entries } = entriesSource(appPath, routes);
  const middleware = chain && chain.before.length + chain.after.length > 0 ? chain : undefined;
  // The monolith's own parser, applied by its setup: a second one would find the body read.
  const parsedByApp =
    bodyParser !== undefined &&
    (middleware?.before ?? []).some(
      (step) =>
        step.code.includes(`require('${bodyParser}')`) ||
        step.code.includes(`require("${bodyParser}")`) ||
        step.imports.some((i) => i.specifier === bodyParser),
    );
  const parser = parsedByApp
    ? {
        imports: '',
        use: `  // The monolith's body parser (${bodyParser}) runs in its own middleware above; the limit holds for it.`,
      }
    : bodyParser
      ? {
          imports: `import * as bodyParserModule from ${stringLiteral(bodyParser)};`,
          use: `  // The monolith's body parser (${bodyParser}), under the limit.
  const limit = settings.maxBodyBytes;
  app.use(callable(bodyParserModule, ['bodyParser', 'koaBody'])({ jsonLimit: limit, formLimit: limit, textLimit: limit }));`,
        }
      : { imports: '', use: '  // The monolith has no body parser seams knows: its routes read bodies themselves.' };
  return [
    ...(middleware ? [koaMiddlewareFile(origin, serviceFolder, middleware)] : []),
    {
      path: appPath,
      content: `${header(origin, `the Koa app serving ${origin.service}'s routes with the monolith's own handlers`)}
import { createHash, timingSafeEqual } from 'crypto';
import type { IncomingMessage, Server } from 'http';
import * as koaModule from 'koa';
${parser.imports}
${imports}
${middleware ? "import { after, before } from './app-middleware';\n" : ''}
const SERVICE = ${stringLiteral(origin.service)};
const TOKEN_HEADER = 'x-seams-token';

/** The part of Koa's context and app this file uses (any Koa 2 or later). */
export interface Context {
  method: string;
  path: string;
  originalUrl: string;
  status: number;
  body: unknown;
  req: IncomingMessage;
  headers: IncomingMessage['headers'];
}
type Middleware = (ctx: Context, next: () => Promise<unknown>) => unknown;
export interface KoaApp {
  use(middleware: Middleware): KoaApp;
  /** What the monolith's setup assigns (\`proxy\`, \`keys\`) or adds. */
  [setting: string]: unknown;
  listen(port: number, host: string, listening: () => void): Server;
}

// A CommonJS package's function however the service's settings load it (esModuleInterop or not, ESM or not).
function callable(module: unknown, names: readonly string[] = []): (...args: unknown[]) => Middleware {
  const record = (module ?? {}) as Record<string, unknown>;
  const found = [record.default, ...names.map((name) => record[name]), module].find((v) => typeof v === 'function');
  return found as (...args: unknown[]) => Middleware;
}
const Koa = callable(koaModule) as unknown as new () => KoaApp;

${routeTableSource(routes)}
${routesSettingsSource(origin.service)}
${entries}

/** A koa-router (or @koa/router) router: its layers carry the paths with the router's own prefix. */
interface Router {
  stack: Array<{ path?: unknown; methods?: unknown }>;
  routes(): Middleware;
}

const isRouter = (value: unknown): value is Router =>
  typeof value === 'object' && value !== null && Array.isArray((value as Router).stack) && typeof (value as Router).routes === 'function';

// The router a file exports: the router itself or its \`routes()\` middleware (which carries it), as the default
// export, the module itself (CommonJS), or any export.
function routerOf(module: unknown): Router | undefined {
  const record = (module ?? {}) as Record<string, unknown>;
  for (const value of [record.default, module, ...Object.values(record)]) {
    if (isRouter(value)) return value;
    const carried = (value as { router?: unknown } | undefined)?.router;
    if (typeof value === 'function' && isRouter(carried)) return carried;
  }
  return undefined;
}

const trimmed = (path: string) => path.replace(/\\/+$/, '');

// Where the monolith mounts a router: a route's full path less the path the router declares it at (the
// longest such path, so \`/:id\` does not take \`/products/:id\`'s route).
function prefixOf(router: Router, key: string): string | undefined {
  const [method, full] = key.split(' ') as [string, string];
  let best: string | undefined;
  for (const layer of router.stack) {
    const methods = Array.isArray(layer.methods) ? (layer.methods as string[]) : [];
    if (typeof layer.path !== 'string' || (method !== 'ALL' && !methods.includes(method))) continue;
    const path = trimmed(layer.path);
    if (trimmed(full).endsWith(path) && (best === undefined || path.length > best.length)) best = path;
  }
  return best === undefined ? undefined : trimmed(full).slice(0, trimmed(full).length - best.length) || '/';
}

${mountsSource('Koa router')}

// A router's routes under a prefix, as koa-mount does it: the router sees the path without the prefix.
function mounted(prefix: string, router: Router): Middleware {
  const routes = router.routes();
  if (prefix === '/') return routes;
  return async (ctx, next) => {
    const path = ctx.path;
    if (path !== prefix && !path.startsWith(\`\${prefix}/\`)) return next();
    const inner = path.slice(prefix.length) || '/';
    ctx.path = inner;
    try {
      await routes(ctx, async () => {
        ctx.path = path;
        try {
          await next();
        } finally {
          ctx.path = inner;
        }
      });
    } finally {
      ctx.path = path;
    }
  };
}

/** The app: errors, health, then the secret, then only the service's routes, then the monolith's routers. */
export function createRoutesApp(settings: RoutesSettings = routesSettingsFromEnv()): KoaApp {
${tokenRequiredSource(env)}
  const app = new Koa();
  // An error with a status (400 to 599) keeps it and its message; anything else is a 500 that says only that.
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const { status: given, statusCode, message } = (error ?? {}) as { status?: unknown; statusCode?: unknown; message?: unknown };
      const said = typeof given === 'number' ? given : statusCode;
      const status = typeof said === 'number' && said >= 400 && said <= 599 ? said : 500;
      if (status === 500) console.error(\`\${SERVICE} routes:\`, error);
      ctx.status = status;
      ctx.body = { error: { message: status < 500 || settings.debug ? String(message ?? '') : \`\${SERVICE} failed unexpectedly (its log has the details)\` } };
    }
  });
  app.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === '/__seams/health') return void (ctx.body = { status: 'ok', service: SERVICE });
    if (!authorized(ctx.headers[TOKEN_HEADER], settings)) {
      ctx.status = 401;
      return void (ctx.body = { error: { code: 'BAD_TOKEN', message: \`\${SERVICE} needs the monolith's token (${env}_TOKEN)\` } });
    }
    delete ctx.req.headers[TOKEN_HEADER];
    if (!routeOf(ctx.method, ctx.originalUrl)) {
      ctx.status = 404;
      return void (ctx.body = { error: { code: 'NO_ROUTE', message: \`\${SERVICE} does not serve this route\` } });
    }
    // The limit holds whatever parser the app brings.
    if (Number(ctx.headers['content-length'] ?? 0) > settings.maxBodyBytes) {
      ctx.status = 413;
      return void (ctx.body = { error: { code: 'BODY_TOO_LARGE', message: \`bodies above \${settings.maxBodyBytes} bytes are refused\` } });
    }
    await next();
  });
${
  middleware
    ? `  // The monolith's own app setup (${middleware.file}), in its order, around its routers: its error handler,
  // authentication, the user on ctx.state, the settings its handlers read from ctx.app.
  for (const apply of before) apply(app);
${parser.use}
  for (const { prefix, router } of mounts()) app.use(mounted(prefix, router));
  for (const apply of after) apply(app);`
    : `${parser.use}
  // The monolith's app-level middleware these routes rely on (authentication, its error handler, the user on
  // ctx.state) goes here.
  for (const { prefix, router } of mounts()) app.use(mounted(prefix, router));`
}
  return app;
}
`,
    },
    // The starter is the Express one's: it only needs `listen` to give back Node's server.
    routeServerFiles(origin, serviceFolder, routes).find((file) => file.path.endsWith('/routes-main.ts'))!,
    {
      path: `${serviceFolder}/src/koa-modules.d.ts`,
      content: `${header(origin, 'Koa and its body parser as routes-app.ts loads them (it types what it uses itself)')}
declare module 'koa';
${bodyParser ? `declare module ${stringLiteral(bodyParser)};\n` : ''}`,
    },
  ];
}

/**
 * app-middleware.ts for a Koa route server: the monolith app's own setup around its routers (its \`use\` calls,
 * the settings it assigns, the modules it hands the app to), copied with their imports, each a function of the app.
 */
function koaMiddlewareFile(origin: Origin, serviceFolder: string, chain: KoaChain): GeneratedFile {
  const apply = (step: KoaStep) =>
    `  (${chain.app}) => {\n    ${step.condition ? `if (${step.condition}) ` : ''}${step.code};\n  },`;
  return {
    path: `${serviceFolder}/src/app-middleware.ts`,
    content: `${header(origin, `the app setup of ${chain.file}, which the Koa route server applies as the monolith does`)}
${javaScriptSource(chain.file)}${importLines([...chain.before, ...chain.after]).join('\n')}
import type { KoaApp } from './routes-app';

type Apply = (app: KoaApp) => void;

/** The monolith's setup before the routers that serve ${origin.service}'s routes, in order. */
export const before: Apply[] = [
${chain.before.map(apply).join('\n')}
];

/** And after them. */
export const after: Apply[] = [
${chain.after.map(apply).join('\n')}
];
`,
  };
}
