import { header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { importPath } from './import-path.ts';
import { routeMiddlewareName } from './route-middleware-file.ts';

/**
 * fastify-routes.ts beside routes.ts: the routing layer as a Fastify `onRequest` hook. It hands Node's own
 * request and response to the routing layer routes.ts generates for every framework (the same semantics and
 * limits as Express and Koa), and hijacks the reply when that layer answered itself, so Fastify does not
 * answer a second time. onRequest runs before Fastify reads the body, so a proxied body is streamed unread.
 */
export function fastifyRouteMiddlewareFile(
  origin: Origin,
  path: string,
  /** The service's route files, from the root. */
  routeFiles: readonly string[],
  /** Where the file is once placed in the monolith's compilation scope, when that is not `path`. */
  placed: string = path,
): GeneratedFile {
  const inner = routeMiddlewareName(origin.service);
  const name = fastifyRouteHookName(origin.service);
  const watch = fastifyOnRouteName(origin.service);
  return {
    path,
    content: `${header(origin, `the Fastify routing hook for ${origin.service}'s HTTP routes (add it first)`)}
import type { IncomingMessage, ServerResponse } from 'http';
import { ROUTES, ${inner} } from './routes';

/** The part of Fastify's request and reply the routing layer uses (any Fastify 4 or later). */
interface FastifyRequest {
  raw: IncomingMessage & { body?: unknown; seamsPath?: string };
  body?: unknown;
  method: string;
  url: string;
  routeOptions?: { url?: string };
  routerPath?: string;
}

${ownRoutesSource(placed, routeFiles, watch)}

${pathUnderPrefixSource}

interface FastifyReply {
  raw: ServerResponse;
  hijack(): unknown;
}

let warned = false;
// Without the onRoute hook a route is the service's by its path alone: another plugin's route that ends in it too
// would be taken for it. Said once.
function unwatched(method: string, url: string): void {
  if (warned) return;
  warned = true;
  console.error(\`${name}: \${method} \${url.split('?')[0]} matched by its path alone: add app.addHook('onRoute', ${watch}) before the routes, so only the routes ${origin.service}'s files register are routed\`);
}

/**
 * The routing layer for Fastify: \`app.addHook('onRoute', ${watch})\` and \`app.addHook('onRequest', ${name})\` on the
 * root instance, before the routes are registered. Requests for other routes, and routes served locally or shadowed,
 * go on untouched.
 */
export function ${name}(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void {
  // A shadow replay of a write sends the body Fastify parsed later on (request.body).
  if (request.raw.body === undefined)
    Object.defineProperty(request.raw, 'body', { configurable: true, enumerable: false, get: () => request.body });
  const under = pathUnderPrefix(request);
  // Fastify matched a route that is not the service's (another plugin's, ending in the same path): not the layer's.
  if (under === null) return done();
  if (under !== undefined && !watched) unwatched(request.method, request.url);
  if (under !== undefined) Object.defineProperty(request.raw, 'seamsPath', { configurable: true, value: under });
  let passed = false;
  // Proxied (or refused): the answer is written, and Fastify must leave the response alone.
  const answered = () => {
    if (!passed) reply.hijack();
  };
  reply.raw.once('finish', answered);
  reply.raw.once('close', answered);
  ${inner}(request.raw, reply.raw, (error?: unknown) => {
    passed = true;
    reply.raw.off('finish', answered);
    reply.raw.off('close', answered);
    done(error === undefined ? undefined : (error as Error));
  });
}
`,
  };
}

/**
 * pathUnderPrefix(request) for a file with the service's ROUTES: a route written `options.prefix + 'users'` is in
 * the table without the prefix the app gives it at run time; the route Fastify matched says what that prefix is.
 */
export const pathUnderPrefixSource = `// The request's path under the prefix the app mounts the service's routes at, when that prefix is only known at
// run time (options.prefix + 'profiles/:id'): the route Fastify matched is a route of the table under a literal prefix.
// Null when the service's files did not register the route Fastify matched (known once the onRoute hook is added).
function pathUnderPrefix(request: { method: string; url: string; routeOptions?: { url?: string }; routerPath?: string }): string | null | undefined {
  const matched = (request.routeOptions?.url ?? request.routerPath ?? '').replace(/\\/+$/, '');
  if (!registeredHere(request.method, matched)) return null;
  for (const route of ROUTES) {
    if (route.method !== request.method && route.method !== 'ALL' && !(route.method === 'GET' && request.method === 'HEAD')) continue;
    const declared = route.key.slice(route.key.indexOf(' ') + 1).replace(/\\/+$/, '');
    const prefix = matched.slice(0, matched.length - declared.length);
    if (declared && matched.endsWith(declared) && /^\\/[^:*]*$/.test(prefix) && request.url.startsWith(prefix))
      return request.url.slice(prefix.length);
  }
  return undefined;
}`;

/**
 * OWN_ROUTES and \`<service>FastifyOnRoute\`, the onRoute hook that fills it, for a file at \`file\` (from the root):
 * a route is the service's when one of its route files is on the stack that registers it, so its full path is
 * exact whatever prefix the app gave it at run time. The files are written relative to this one, as a compiler
 * that moves the code elsewhere (src to dist) keeps them; compared without their extension.
 */
export function ownRoutesSource(file: string, routeFiles: readonly string[], hook: string): string {
  const relative = [...new Set(routeFiles)].sort().map((entry) => stringLiteral(importPath(file, entry)));
  return `// The service's route files, from this file, without their extension.
const ROUTE_FILES: readonly string[] = [${relative.join(', ')}];
// Each route Fastify registered from them, as it matches it: 'GET /api/profiles/:username'.
const OWN_ROUTES = new Set<string>();
let watched = false;

// The files on a stack, without their extension: '/app/lib/routes/profiles' from 'at x (/app/lib/routes/profiles.js:9:5)'.
function stackFiles(stack: string): string[] {
  const files: string[] = [];
  for (const line of stack.split('\\n')) {
    const found = /((?:file:\\/\\/)?(?:\\/|[A-Za-z]:[\\\\/])[^\\s()]*?):\\d+:\\d+\\)?\\s*$/.exec(line);
    if (found) files.push(decodeURIComponent(found[1]!.replace(/^file:\\/\\//, '').replace(/\\\\/g, '/')).replace(/^\\/([A-Za-z]:)/, '$1').replace(/\\.[cm]?[jt]sx?$/, ''));
  }
  return files;
}

// A path relative to a file's folder, resolved: '/app/x/facade/y' and '../../lib/z' give '/app/lib/z'.
function besides(file: string, relative: string): string {
  const parts = file.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/**
 * Fastify's onRoute hook, added on the root instance before the routes are registered (app.addHook('onRoute',
 * ${hook})): it records the routes the service's files register, with the prefix each got at run time.
 */
export function ${hook}(route: { method: string | string[]; url?: string; path?: string }): void {
  watched = true;
  const errors = Error as unknown as { stackTraceLimit: number };
  const limit = errors.stackTraceLimit;
  errors.stackTraceLimit = 200;
  const stack = new Error().stack ?? '';
  errors.stackTraceLimit = limit;
  const [here, ...callers] = stackFiles(stack);
  if (here === undefined) return;
  const files = ROUTE_FILES.map((relative) => besides(here, relative));
  if (!callers.some((caller) => files.includes(caller))) return;
  const url = (route.url ?? route.path ?? '').replace(/\\/+$/, '');
  for (const method of ([] as string[]).concat(route.method)) OWN_ROUTES.add(\`\${method} \${url}\`);
}

// True when the service's files registered the route Fastify matched (a HEAD is its GET's), or when nothing says:
// the onRoute hook was not added.
function registeredHere(method: string, matched: string): boolean {
  if (!watched) return true;
  const found = OWN_ROUTES.has(\`\${method} \${matched}\`) || (method === 'HEAD' && OWN_ROUTES.has(\`GET \${matched}\`));
  if (!found) noneRegistered();
  return found;
}

let unowned = false;
// The onRoute hook saw no route from the service's files (a bundle that merged them, files moved apart from this one):
// none is routed, which is safe, and said once.
function noneRegistered(): void {
  if (unowned || OWN_ROUTES.size > 0) return;
  unowned = true;
  console.error(\`${hook}: no route Fastify registered came from \${ROUTE_FILES.join(', ')} (relative to this file): none is routed\`);
}`;
}

/** `catalogFastifyOnRoute` for catalog: the Fastify onRoute hook's exported name. */
export const fastifyOnRouteName = (service: string): string =>
  routeMiddlewareName(service).replace(/Routes$/, 'FastifyOnRoute');

/** `catalogFastifyRoutes` for catalog: the Fastify hook's exported name. */
export const fastifyRouteHookName = (service: string): string =>
  routeMiddlewareName(service).replace(/Routes$/, 'FastifyRoutes');
