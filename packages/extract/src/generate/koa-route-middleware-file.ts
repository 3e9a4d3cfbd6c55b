import { header, type GeneratedFile, type Origin } from './generated-file.ts';
import { routeMiddlewareName } from './route-middleware-file.ts';

/**
 * koa-routes.ts beside routes.ts: the routing layer as a Koa `(ctx, next)` middleware. It hands Node's own
 * request and response to the routing layer routes.ts generates for every framework, so a Koa monolith gets
 * exactly its semantics and limits (only the service's routes proxied, timeout, body limit, secret header,
 * hop-by-hop headers stripped, reads falling back to local, shadow replays capped and unref'd), and tells
 * Koa when that layer answered itself, so Koa does not answer a second time.
 */
export function koaRouteMiddlewareFile(origin: Origin, path: string): GeneratedFile {
  const inner = routeMiddlewareName(origin.service);
  const name = koaRouteMiddlewareName(origin.service);
  return {
    path,
    content: `${header(origin, `the Koa routing layer for ${origin.service}'s HTTP routes (mount it first)`)}
import type { IncomingMessage, ServerResponse } from 'http';
import { ${inner} } from './routes';

/** The part of Koa's context the routing layer uses (any Koa version). */
interface KoaContext {
  req: IncomingMessage & { body?: unknown };
  res: ServerResponse;
  request: { body?: unknown };
  respond?: boolean;
}

/**
 * The routing layer for Koa: \`app.use(${name})\` before any other middleware, so a proxied request's body is
 * still unread. Requests for other paths, and routes served locally or shadowed, go on to \`next()\`.
 */
export function ${name}(ctx: KoaContext, next: () => Promise<unknown>): Promise<void> {
  // A shadow replay of a write sends the body Koa's parser read later on (ctx.request.body).
  if (ctx.req.body === undefined)
    Object.defineProperty(ctx.req, 'body', { configurable: true, enumerable: false, get: () => ctx.request.body });
  return new Promise<void>((resolve, reject) => {
    let passed = false;
    // Proxied (or refused): the answer is written, and Koa must leave the response alone.
    const answered = () => {
      if (passed) return;
      ctx.respond = false;
      resolve();
    };
    ctx.res.once('finish', answered);
    ctx.res.once('close', answered);
    ${inner}(ctx.req, ctx.res, (error?: unknown) => {
      passed = true;
      ctx.res.off('finish', answered);
      ctx.res.off('close', answered);
      if (error) return reject(error);
      next().then(() => resolve(), reject);
    });
  });
}
`,
  };
}

/** `catalogKoaRoutes` for catalog: the Koa middleware's exported name. */
export const koaRouteMiddlewareName = (service: string): string =>
  routeMiddlewareName(service).replace(/Routes$/, 'KoaRoutes');
