import type { EventBusUse } from '../find-event-bus.ts';
import { contractName } from './contract-files.ts';
import { describeErrorSource } from './error-rebuild.ts';
import { envPrefix, header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import { importPath } from './import-path.ts';
import type { Layout } from './service-files.ts';
import { settingsSource } from './service-settings.ts';

/**
 * server.ts: node:http, one POST per operation, safe by default: bound to 127.0.0.1, a shared
 * secret checked in constant time, JSON only, a body limit answered before the rest is read,
 * header and request timeouts, errors answered with their own status and without stack frames.
 * With an event bus, the events an operation publishes go back in the answer's body, for the
 * facade to publish in the monolith, where the subscribers are.
 */
export function serverFile(origin: Origin, layout: Layout, bus: EventBusUse | undefined): GeneratedFile {
  const path = `${layout.service}/src/server.ts`;
  const env = envPrefix(origin.service);
  const contract = contractName(origin.service);
  const capture = bus
    ? `import { AsyncLocalStorage } from 'node:async_hooks';
import { ${bus.binding} } from '${importPath(path, bus.file)}';

// What an operation publishes is recorded for its answer, and still published here as before.
const published = new AsyncLocalStorage<unknown[]>();
const publishHere = ${bus.binding}.${bus.method}.bind(${bus.binding});
${bus.binding}.${bus.method} = ((event: Parameters<typeof publishHere>[0]) => {
  const events = published.getStore();
  if (events && events.length < MAX_EVENTS) events.push(event);
  return publishHere(event);
}) as typeof ${bus.binding}.${bus.method};
const recording = <T>(events: unknown[], run: () => Promise<T>) => published.run(events, run);
`
    : `// The service's code publishes no events the monolith must see: nothing to record.
const recording = <T>(_events: unknown[], run: () => Promise<T>) => run();
`;
  return {
    path,
    content: `${header(origin, 'the HTTP server of the extracted service')}
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { OPERATIONS } from './contract';
import type { ${contract} } from './contract';
import { operations } from './operations';
import { operationSchemas } from './schemas';

const SERVICE = ${stringLiteral(origin.service)};
${bus ? '// At most this many events go back with one answer; the facade checks the same bound.\nconst MAX_EVENTS = 100;\n' : ''}${capture}
${settingsSource(origin.service, { type: 'ServerSettings', read: 'settingsFromEnv', sender: 'the facade', tokenVia: 'as `authorization: Bearer <token>`', debugShows: 'messages and stack frames of unexpected errors' })}

export interface Reply {
  status: number;
  /** \`{ result, events }\` or \`{ error, events }\`: events travel in the body, never in a header. */
  body: unknown;
}

/** One call, whatever carries it (this server, the Lambda adapter): validate, run, answer. */
export async function handle(operation: string, body: unknown, implementation: ${contract} = operations, debug = false): Promise<Reply> {
  if (!(OPERATIONS as readonly string[]).includes(operation)) return failure(404, { name: 'NotFound', code: 'UNKNOWN_OPERATION', message: \`\${SERVICE} has no operation '\${operation}'\` });
  // Read as what the server uses of it, so a service with no operation yet (extracted with --force) compiles too.
  const schema = (operationSchemas as Record<string, { params: readonly string[]; args: { safeParse: (body: unknown) => { success: true; data: unknown } | { success: false; error: { issues: unknown[] } } } }>)[operation]!;
  const args = schema.args.safeParse(body);
  if (args.success === false) return failure(400, { name: 'ValidationError', code: 'INVALID_ARGUMENTS', message: \`arguments of \${operation} do not match the contract\`, details: args.error.issues });
  const events: unknown[] = [];
  try {
    const named = args.data as Record<string, unknown>;
    const values = schema.params.map((param) => named[param]);
    const run = implementation[operation as keyof typeof implementation] as (...values: unknown[]) => Promise<unknown>;
    const result = await recording(events, () => run(...values));
    return { status: 200, body: { result: result ?? null, events } };
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined) console.error(toJson({ service: SERVICE, operation, error: describe(error, true, true) }));
    return { status: status ?? 500, body: { error: describe(error, status !== undefined || debug, debug), events } };
  }
}

${describeErrorSource()}

/** JSON that survives what errors carry (cycles, as HTTP clients' errors have, BigInt, functions): a reply must never fail to serialise. */
export function toJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') return item.toString();
    if (typeof item === 'function' || typeof item === 'symbol') return undefined;
    if (typeof item === 'object' && item !== null) {
      if (seen.has(item)) return '[Circular]';
      seen.add(item);
    }
    return item;
  });
}

const failure = (status: number, error: Record<string, unknown>): Reply => ({ status, body: { error, events: [] } });

/** True when the request carries the shared secret (compared in constant time), or the service runs insecure. */
export function authorized(authorization: string | undefined, settings: ServerSettings): boolean {
  if (!settings.token) return settings.insecure;
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  // Hashing first gives both sides one length, so the comparison time says nothing about the secret.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(settings.token));
}

/** True for \`application/json\` (parameters such as charset allowed) and \`+json\` types. */
export const isJson = (contentType: string | undefined): boolean =>
  /^application\\/(?:[\\w.-]+\\+)?json$/i.test((contentType ?? '').split(';')[0]!.trim());

// The body, up to the limit: undefined (and a 413 sent) as soon as it is larger, without reading the rest.
function readBody(request: IncomingMessage, limit: number, tooLarge: () => void): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > limit) return (tooLarge(), resolve(undefined));
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.removeAllListeners('data');
      tooLarge();
      resolve(undefined);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function createServiceServer(implementation: ${contract} = operations, settings: ServerSettings = settingsFromEnv()): Server {
  if (!settings.token && !settings.insecure)
    throw new Error(\`\${SERVICE} service: set ${env}_TOKEN to the secret the facade sends (or ${env}_INSECURE=1 for local development only)\`);
  // requestTimeout is Node 14.11's: older @types/node (a monolith's) do not declare it.
  const server: Server & { requestTimeout?: number } = createServer(async (request, response) => {
    const send = (reply: Reply, close = false) => {
      if (response.headersSent) return;
      response.writeHead(reply.status, { 'content-type': 'application/json', ...(close ? { connection: 'close' } : {}) });
      response.end(toJson(reply.body));
    };
    if (request.method === 'GET' && request.url === '/health') return send({ status: 200, body: { status: 'ok', service: SERVICE } });
    const match = /^\\/v1\\/([A-Za-z0-9_$]+(?:\\.[A-Za-z0-9_$]+)?)$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) return send(failure(404, { name: 'NotFound', code: 'NO_ROUTE', message: \`no such operation of \${SERVICE}\` }), true);
    if (!authorized(request.headers.authorization, settings)) return send(failure(401, { name: 'Unauthorized', code: 'BAD_TOKEN', message: \`\${SERVICE} needs the facade's token (${env}_TOKEN)\` }), true);
    if (!isJson(request.headers['content-type'])) return send(failure(415, { name: 'UnsupportedMediaType', code: 'NOT_JSON', message: 'send content-type: application/json' }), true);
    const tooLarge = () => {
      send(failure(413, { name: 'PayloadTooLarge', code: 'BODY_TOO_LARGE', message: \`bodies above \${settings.maxBodyBytes} bytes are refused\` }), true);
      // Stop reading: the rest of the body is never buffered.
      response.on('finish', () => request.destroy());
    };
    const started = performance.now();
    try {
      const text = await readBody(request, settings.maxBodyBytes, tooLarge);
      if (text === undefined) return;
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return send(failure(400, { name: 'ValidationError', code: 'INVALID_JSON', message: 'the request body is not JSON' }));
      }
      const reply = await handle(match[1]!, body, implementation, settings.debug);
      // One JSON line per call: what arrives, how it ended, how long it took.
      console.log(JSON.stringify({ service: SERVICE, operation: match[1], status: reply.status, ms: Math.round(performance.now() - started) }));
      send(reply);
    } catch (error) {
      console.error(toJson({ service: SERVICE, operation: match[1], error: describe(error, true, true) }));
      send(failure(500, describe(error, settings.debug, settings.debug)));
    }
  });
  server.headersTimeout = settings.headersTimeoutMs;
  server.requestTimeout = settings.requestTimeoutMs;
  return server;
}
`,
  };
}
