import { header, type GeneratedFile, type Origin } from './generated-file.ts';
import { routeMiddlewareName } from './route-middleware-file.ts';

/**
 * fastify-routes.ts beside routes.ts: the routing layer as a Fastify `onRequest` hook. It hands Node's own
 * request and response to the routing layer routes.ts generates for every framework (the same semantics and
 * limits as Express and Koa), and hijacks the reply when that layer answered itself, so Fastify does not
 * answer a second time. onRequest runs before Fastify reads the body, so a proxied body is streamed unread.
 */
export function fastifyRouteMiddlewareFile(origin: Origin, path: string): GeneratedFile {
  const inner = routeMiddlewareName(origin.service);
  const name = fastifyRouteHookName(origin.service);
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

${pathUnderPrefixSource}

interface FastifyReply {
  raw: ServerResponse;
  hijack(): unknown;
}

/**
 * The routing layer for Fastify: \`app.addHook('onRequest', ${name})\` on the root instance, before the routes
 * are registered. Requests for other paths, and routes served locally or shadowed, go on untouched.
 */
export function ${name}(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void {
  // A shadow replay of a write sends the body Fastify parsed later on (request.body).
  if (request.raw.body === undefined)
    Object.defineProperty(request.raw, 'body', { configurable: true, enumerable: false, get: () => request.body });
  const under = pathUnderPrefix(request);
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
function pathUnderPrefix(request: { method: string; url: string; routeOptions?: { url?: string }; routerPath?: string }): string | undefined {
  const matched = (request.routeOptions?.url ?? request.routerPath ?? '').replace(/\\/+$/, '');
  for (const route of ROUTES) {
    if (route.method !== request.method && route.method !== 'ALL' && !(route.method === 'GET' && request.method === 'HEAD')) continue;
    const declared = route.key.slice(route.key.indexOf(' ') + 1).replace(/\\/+$/, '');
    const prefix = matched.slice(0, matched.length - declared.length);
    if (declared && matched.endsWith(declared) && /^\\/[^:*]*$/.test(prefix) && request.url.startsWith(prefix))
      return request.url.slice(prefix.length);
  }
  return undefined;
}`;

/** `catalogFastifyRoutes` for catalog: the Fastify hook's exported name. */
export const fastifyRouteHookName = (service: string): string =>
  routeMiddlewareName(service).replace(/Routes$/, 'FastifyRoutes');
