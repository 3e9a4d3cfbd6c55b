import type { ServiceRoute } from '../routes/service-routes.ts';
import { envPrefix, header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { routeTableSource } from './route-table.ts';

/**
 * routes.ts in the facade folder: the strangler fig's routing layer, an Express-style `(req, res, next)`
 * middleware the monolith mounts before everything else. Per route it serves locally (`next()`), proxies
 * to the service (remote), serves locally and replays to the service to compare (shadow), or a percentage,
 * as the routing switch says at each request. Only the service's own routes are proxied, and only to its
 * configured URL: it is never an open proxy. Core modules by their plain names (`http`), so any Node and
 * any @types/node the monolith has will do.
 */
export function routeMiddlewareFile(origin: Origin, path: string, routes: readonly ServiceRoute[]): GeneratedFile {
  const env = envPrefix(origin.service);
  return {
    path,
    content: `${header(origin, `the routing layer for ${origin.service}'s HTTP routes (mount it first)`)}
import { request as httpRequest } from 'http';
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'http';
import { request as httpsRequest } from 'https';
import { URL } from 'url';
import { modeOf, reportShadow, serviceRouting, shadowDiffers, timeoutOf, tokenOf, trackShadow } from './routing';
import type { Mode } from './routing';

const SERVICE = ${stringLiteral(origin.service)};
// Largest request body proxied, and largest answer kept for a shadow comparison (${env}_MAX_BODY_BYTES, default 1 MiB).
const MAX_BODY_BYTES = Number(process.env['${env}_MAX_BODY_BYTES']) > 0 ? Number(process.env['${env}_MAX_BODY_BYTES']) : 1024 * 1024;
// The header that carries the shared secret: the client's own authorization header passes through untouched.
const TOKEN_HEADER = 'x-seams-token';
// Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and are never forwarded, nor is a secret a client sent.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', TOKEN_HEADER];

${routeTableSource(routes)}
type Next = (error?: unknown) => void;
// seamsPath: the path under a prefix the app only knows at run time, as a framework's adapter found it.
type Request = IncomingMessage & { body?: unknown; originalUrl?: string; seamsPath?: string };

/** Where the service serves its routes: ${env}_ROUTES_URL, else the routing file's routesUrl; http or https only. */
function serviceUrl(): URL {
  const text = process.env['${env}_ROUTES_URL'] || serviceRouting(SERVICE).routesUrl;
  if (!text) throw new Error(\`seams routing: \${SERVICE}'s routes are routed remote but have no url: set ${env}_ROUTES_URL or "routesUrl" in the routing file\`);
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(\`seams routing: ${env}_ROUTES_URL must be http or https, not \${url.protocol}\`);
  return url;
}

function forwardedHeaders(request: Request, body: Buffer | undefined): OutgoingHttpHeaders {
  const named = String(request.headers.connection ?? '').split(',').map((name) => name.trim().toLowerCase());
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.includes(name) && !named.includes(name)) headers[name] = value;
  const client = request.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = request.headers['x-forwarded-for'] ? \`\${String(request.headers['x-forwarded-for'])}, \${client}\` : client;
  headers['x-forwarded-host'] = request.headers.host ?? '';
  headers['x-forwarded-proto'] = (request.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const token = tokenOf(SERVICE);
  if (token) headers[TOKEN_HEADER] = token;
  // A body read by the app's parser goes again as the JSON it was parsed into, whatever it came as.
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
  }
  return headers;
}

const answerHeaders = (headers: IncomingHttpHeaders): OutgoingHttpHeaders => {
  const kept: OutgoingHttpHeaders = { via: '1.1 seams' };
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.includes(name) && value !== undefined) kept[name] = value;
  return kept;
};

// A body a parser mounted before this layer already read: sent again as the JSON it was, when it was JSON.
function readBody(request: Request): Buffer | undefined {
  if (!request.readableEnded || request.body === undefined) return undefined;
  return Buffer.from(JSON.stringify(request.body));
}

interface Exchange {
  request: Request;
  route: ServiceRoute;
  /** Called with the service's answer; the answer's body is not read yet. */
  answered: (answer: IncomingMessage) => void;
  failed: (error: Error & { code?: string }, timedOut: boolean) => void;
  /** A body to send instead of the request's stream (already read, or replayed). */
  body?: Buffer | undefined;
  background?: boolean;
}

/** One request to the service, with the request's method, path and query, under the timeout. */
function send({ request, route, answered, failed, body, background }: Exchange): ClientRequest | undefined {
  let url: URL;
  try {
    url = serviceUrl();
  } catch (error) {
    failed(error as Error, false);
    return undefined;
  }
  const target = \`\${url.pathname.replace(/\\/$/, '')}\${request.originalUrl ?? request.url ?? '/'}\`;
  const open = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = forwardedHeaders(request, body);
  const outgoing = open({ protocol: url.protocol, hostname: url.hostname, port: url.port, method: request.method, path: target, headers });
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), outgoing.destroy(new Error(\`no answer within \${timeoutOf(SERVICE, route.key)} ms\`))), timeoutOf(SERVICE, route.key));
  // Shadow requests never keep the process alive.
  if (background) timer.unref();
  outgoing.on('response', (answer) => {
    clearTimeout(timer);
    answered(answer);
  });
  outgoing.on('error', (error) => {
    clearTimeout(timer);
    failed(error, timedOut);
  });
  const tooLarge = () => outgoing.destroy(Object.assign(new Error('request body too large'), { code: 'BODY_TOO_LARGE' }));
  if (body || request.readableEnded || background) outgoing.end(body);
  else if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) tooLarge();
  else {
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge();
      else outgoing.write(chunk);
    });
    request.on('end', () => outgoing.end());
  }
  return outgoing;
}

const lastNote = new Map<string, number>();
// One line on stderr per route and reason at most every 10 s: a failing service must not flood the log.
function note(key: string, text: string): void {
  if (Date.now() - (lastNote.get(key) ?? 0) < 10_000) return;
  lastNote.set(key, Date.now());
  console.error(\`seams routing: \${SERVICE} \${key} \${text}\`);
}

const isRead = (method: string | undefined) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

function proxy(request: Request, response: ServerResponse, route: ServiceRoute, next: Next): void {
  const answer = (status: number, code: string, message: string) => {
    if (response.headersSent) return void response.destroy();
    response.writeHead(status, { 'content-type': 'application/json', via: '1.1 seams' });
    response.end(JSON.stringify({ error: { code, message } }));
  };
  const outgoing = send({
    request,
    route,
    body: isRead(request.method) ? undefined : readBody(request),
    answered: (reply) => {
      response.writeHead(reply.statusCode ?? 502, answerHeaders(reply.headers));
      // A service that breaks off its answer breaks off the client's: a truncated body must not look complete.
      reply.on('error', () => response.destroy());
      reply.on('aborted', () => response.destroy());
      reply.pipe(response);
    },
    failed: (error, timedOut) => {
      // The client went away first: nobody is left to answer.
      if (response.destroyed || response.writableEnded) return;
      if (error.code === 'BODY_TOO_LARGE') return answer(413, 'BODY_TOO_LARGE', \`bodies above \${MAX_BODY_BYTES} bytes are refused\`);
      // A read the service could not answer is served here, unless the routing file turns that off for the route.
      if (isRead(request.method) && serviceRouting(SERVICE).fallback?.[route.key] !== false) {
        note(route.key, \`served locally: \${error.message}\`);
        return next();
      }
      note(route.key, \`failed: \${error.message}\`);
      answer(timedOut ? 504 : 502, 'SERVICE_UNAVAILABLE', \`\${SERVICE} could not answer\`);
    },
  });
  // A client that goes away stops the request to the service too.
  response.once('close', () => {
    if (!response.writableFinished) outgoing?.destroy();
  });
}

// The local answer, as the monolith writes it: status, and the body up to the limit (undefined past it).
function recordAnswer(response: ServerResponse): () => { status: number; body: Buffer | undefined } {
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    size += bytes.length;
    if (size <= MAX_BODY_BYTES) chunks.push(bytes);
  };
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), write(chunk, ...rest))) as ServerResponse['write'];
  response.end = ((chunk?: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), end(chunk, ...rest))) as ServerResponse['end'];
  return () => ({ status: response.statusCode, body: size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined });
}

// JSON when it parses, else the text: two answers compare as what a client would read.
const asData = (body: Buffer): unknown => {
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

function shadow(request: Request, response: ServerResponse, route: ServiceRoute, next: Next): void {
  if (!isRead(request.method) && serviceRouting(SERVICE).shadowWrites !== true) {
    note(route.key, 'not replayed: shadow replays reads only unless the routing file sets "shadowWrites": true');
    return next();
  }
  const local = recordAnswer(response);
  response.once('finish', () => {
    const served = local();
    if (served.body === undefined) return note(route.key, 'not compared: the answer is larger than the limit');
    const body = isRead(request.method) ? undefined : readBody(request);
    // A write with no body at all (a DELETE) replays as it came.
    const bodiless = !request.headers['transfer-encoding'] && Number(request.headers['content-length'] ?? 0) === 0;
    if (!isRead(request.method) && !body && !bodiless) return note(route.key, 'not replayed: its body was not JSON read by a parser');
    const expected = { status: served.status, body: asData(served.body) };
    trackShadow(
      () =>
        new Promise<void>((resolve) => {
          const failed = (error: Error) => (reportShadow({ service: SERVICE, operation: route.key, local: expected, error: error.message }), resolve());
          send({
            request,
            route,
            body,
            background: true,
            answered: (reply) => {
              const chunks: Buffer[] = [];
              let size = 0;
              reply.on('data', (chunk: Buffer) => {
                size += chunk.length;
                if (size <= MAX_BODY_BYTES) chunks.push(chunk);
              });
              reply.on('error', failed);
              reply.on('end', () => {
                const remote = { status: reply.statusCode, body: size <= MAX_BODY_BYTES ? asData(Buffer.concat(chunks)) : '(larger than the limit)' };
                if (shadowDiffers(SERVICE, expected, remote)) reportShadow({ service: SERVICE, operation: route.key, local: expected, remote });
                resolve();
              });
            },
            failed,
          });
        }),
    );
  });
  next();
}

/**
 * The routing layer: mount it before any other middleware (\`app.use(${routeMiddlewareName(origin.service)})\`), so a proxied
 * request's body is still unread. Requests for other paths, and routes served locally, go on to \`next()\` untouched.
 */
export function ${routeMiddlewareName(origin.service)}(request: Request, response: ServerResponse, next: Next): void {
  const route = routeOf(request.method, request.originalUrl ?? request.url) ?? routeOf(request.method, request.seamsPath);
  if (!route) return next();
  let mode: Mode;
  try {
    mode = modeOf(SERVICE, route.key);
  } catch (error) {
    // A routing setting that does not parse serves locally rather than failing the request.
    note(route.key, \`served locally: \${(error as Error).message}\`);
    return next();
  }
  if (mode.kind === 'remote' || (mode.kind === 'percent' && Math.random() * 100 < mode.percent)) return proxy(request, response, route, next);
  if (mode.kind === 'shadow') return shadow(request, response, route, next);
  next();
}
`,
  };
}

/** `catalogRoutes` for catalog, `orderHistoryRoutes` for order-history: the middleware's exported name. */
export const routeMiddlewareName = (service: string): string =>
  `${/^[0-9]/.test(service) ? 'service' : ''}${service.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Routes`;
