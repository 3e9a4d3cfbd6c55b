import { header, type GeneratedFile, type Origin } from './generated-file.ts';
import { routeMiddlewareName } from './route-middleware-file.ts';

/**
 * hono-routes.ts beside routes.ts: the routing layer as a Hono middleware. On Node (@hono/node-server) it hands
 * the request and response the server keeps in `c.env.incoming` / `c.env.outgoing` to the routing layer routes.ts
 * generates for every framework (the same semantics and limits as Express, Koa and Fastify), and answers
 * @hono/node-server's "already sent" response when that layer answered itself, so Hono does not answer again.
 * Where there is no Node response (another runtime, `app.request()` in a test), every route is served locally.
 */
export function honoRouteMiddlewareFile(origin: Origin, path: string): GeneratedFile {
  const inner = routeMiddlewareName(origin.service);
  const name = honoRouteMiddlewareName(origin.service);
  return {
    path,
    content: `${header(origin, `the Hono routing layer for ${origin.service}'s HTTP routes (use it first)`)}
import type { IncomingMessage, ServerResponse } from 'http';
import { ${inner}, routeOf } from './routes';

/** The part of Hono's context the routing layer uses (any Hono 4). */
interface HonoContext {
  env: unknown;
  req: { json(): Promise<unknown> };
}

// @hono/node-server writes nothing for a response with this header: the routing layer has answered already.
const ALREADY_SENT = 'x-hono-already-sent';
const isRead = (method: string | undefined) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/**
 * The routing layer for Hono: \`app.use(${name})\` before any other middleware and route, so a proxied request's
 * body is still unread. Requests for other paths, and routes served locally or shadowed, go on to \`next()\`.
 */
export async function ${name}(c: HonoContext, next: () => Promise<void>): Promise<Response | void> {
  const { incoming, outgoing } = (c.env ?? {}) as { incoming?: IncomingMessage & { body?: unknown }; outgoing?: ServerResponse };
  if (!incoming || !outgoing || typeof outgoing.writeHead !== 'function' || !routeOf(incoming.method, incoming.url)) return next();
  const local = await new Promise<boolean>((resolve, reject) => {
    let passed = false;
    // Proxied (or refused): the answer is written.
    const answered = () => {
      if (!passed) resolve(false);
    };
    outgoing.once('finish', answered);
    outgoing.once('close', answered);
    ${inner}(incoming, outgoing, (error?: unknown) => {
      passed = true;
      outgoing.off('finish', answered);
      outgoing.off('close', answered);
      if (error) reject(error);
      else resolve(true);
    });
  });
  if (!local) return new Response(null, { headers: { [ALREADY_SENT]: 'true' } });
  await next();
  // A shadow replay of a write sends the JSON body the handler read (Hono keeps it), before the answer is written.
  if (!isRead(incoming.method) && incoming.body === undefined) {
    const body = await c.req.json().catch(() => undefined);
    if (body !== undefined) incoming.body = body;
  }
}
`,
  };
}

/** \`catalogHonoRoutes\` for catalog: the Hono middleware's exported name. */
export const honoRouteMiddlewareName = (service: string): string =>
  routeMiddlewareName(service).replace(/Routes$/, 'HonoRoutes');
