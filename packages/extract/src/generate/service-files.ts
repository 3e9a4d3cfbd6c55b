import type { ContractModel } from '../contract/build-contract.ts';
import type { EventBusUse } from '../find-event-bus.ts';
import { contractName, remoteOperations } from './contract-files.ts';
import { header, type GeneratedFile, type Origin } from './generated-file.ts';
import { importPath } from './import-path.ts';

/** Where the files of one extraction go, relative to the project root. */
export interface Layout {
  service: string;
  facade: string;
  /** The monolith's tsconfig, which the service's extends so the moved code resolves as before. */
  tsconfig: string;
}

/** operations.ts: the service serves the monolith's own implementation until the team moves the code in. */
export function operationsFile(origin: Origin, model: ContractModel, layout: Layout): GeneratedFile {
  const path = `${layout.service}/src/operations.ts`;
  const operations = remoteOperations(model);
  const byFile = new Map<string, string[]>();
  for (const operation of operations)
    byFile.set(operation.file, [...(byFile.get(operation.file) ?? []), operation.name]);
  const imports = [...byFile].map(
    ([file, names]) => `import { ${names.join(', ')} } from '${importPath(path, file)}';`,
  );
  return {
    path,
    content: `${header(origin, "the implementation the service serves: today the monolith's own code")}
import type { ${contractName(origin.service)} } from './contract';
${imports.join('\n')}

/** Step one of the strangler fig: the same code behind a network boundary. Move it here file by file. */
export const operations: ${contractName(origin.service)} = { ${operations.map((o) => o.name).join(', ')} };
`,
  };
}

/**
 * server.ts: node:http, one POST per operation, validated, a health check, structured errors. With
 * an event bus, the events an operation publishes go back with the answer (header seams-events),
 * for the facade to publish in the monolith, where the subscribers are.
 */
export function serverFile(origin: Origin, layout: Layout, bus: EventBusUse | undefined): GeneratedFile {
  const path = `${layout.service}/src/server.ts`;
  const capture = bus
    ? `import { AsyncLocalStorage } from 'node:async_hooks';
import { ${bus.binding} } from '${importPath(path, bus.file)}';

// What an operation publishes is recorded for its answer, and still published here as before.
const published = new AsyncLocalStorage<unknown[]>();
const publishHere = ${bus.binding}.${bus.method}.bind(${bus.binding});
${bus.binding}.${bus.method} = ((event: Parameters<typeof publishHere>[0]) => {
  published.getStore()?.push(event);
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
import { createServer, type Server } from 'node:http';
import { OPERATIONS, type ${contractName(origin.service)} } from './contract';
import { operations } from './operations';
import { operationSchemas } from './schemas';
${capture}
export interface Reply {
  status: number;
  body: unknown;
  /** Events the operation published, for the monolith. */
  events: unknown[];
}

const SERVICE = '${origin.service}';

/** One call, whatever carries it (this server, the Lambda adapter): validate, run, answer. */
export async function handle(operation: string, body: unknown, implementation: ${contractName(origin.service)} = operations): Promise<Reply> {
  if (!(OPERATIONS as readonly string[]).includes(operation)) return failure(404, { name: 'NotFound', code: 'UNKNOWN_OPERATION', message: \`\${SERVICE} has no operation '\${operation}'\` });
  const schema = operationSchemas[operation as keyof typeof operationSchemas];
  const args = schema.args.safeParse(body);
  if (!args.success) return failure(400, { name: 'ValidationError', code: 'INVALID_ARGUMENTS', message: \`arguments of \${operation} do not match the contract\`, details: args.error.issues });
  const events: unknown[] = [];
  try {
    const named = args.data as Record<string, unknown>;
    const values = schema.params.map((param) => named[param]);
    const run = implementation[operation as keyof typeof implementation] as (...values: unknown[]) => Promise<unknown>;
    const result = await recording(events, () => run(...values));
    return { status: 200, body: result ?? null, events };
  } catch (error) {
    const { name, message, ...properties } = describe(error);
    return { ...failure(500, { name, message, ...properties }), events };
  }
}

// Errors cross as data: the class name and every own property (code, details...), so the facade can rebuild them.
function describe(error: unknown): { name: string; message: string; [key: string]: unknown } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const own = Object.fromEntries(Object.entries(error).filter(([key]) => key !== 'stack'));
  return { ...own, name: error.constructor?.name ?? error.name, message: error.message };
}

const failure = (status: number, error: Record<string, unknown>): Reply => ({ status, body: { error }, events: [] });

/** Response headers of a reply: JSON, and the events it carries back. */
export const headersOf = (reply: Reply): Record<string, string> => ({
  'content-type': 'application/json',
  ...(reply.events.length > 0 ? { 'seams-events': encodeURIComponent(JSON.stringify(reply.events)) } : {}),
});

export function createServiceServer(implementation: ${contractName(origin.service)} = operations): Server {
  return createServer((request, response) => {
    const send = (reply: Reply) => {
      response.writeHead(reply.status, headersOf(reply));
      response.end(JSON.stringify(reply.body));
    };
    if (request.method === 'GET' && request.url === '/health') return send({ status: 200, body: { status: 'ok', service: SERVICE }, events: [] });
    const match = /^\\/v1\\/([A-Za-z0-9_$]+)$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) return send(failure(404, { name: 'NotFound', code: 'NO_ROUTE', message: \`\${request.method} \${request.url} is not an operation of \${SERVICE}\` }));
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return send(failure(400, { name: 'ValidationError', code: 'INVALID_JSON', message: 'the request body is not JSON' }));
      }
      const started = performance.now();
      handle(match[1]!, body, implementation).then(
        (reply) => {
          // One JSON line per call: what arrives, how it ended, how long it took.
          console.log(JSON.stringify({ service: SERVICE, operation: match[1], status: reply.status, ms: Math.round(performance.now() - started) }));
          send(reply);
        },
        (error: Error) => send(failure(500, { name: 'Error', message: error.message })),
      );
    });
  });
}
`,
  };
}

/** client.ts: the typed client the monolith's facade calls; errors come back as RemoteError. */
export function clientFile(origin: Origin, model: ContractModel, layout: Layout): GeneratedFile {
  const contract = contractName(origin.service);
  const methods = remoteOperations(model).map((operation) => {
    const params = operation.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type.text}`).join(', ');
    const body = operation.params.map((p) => p.name).join(', ');
    return `    ${operation.name}: (${params}) => call('${operation.name}', { ${body} }) as Promise<${operation.returns.text}>,`;
  });
  const typeNames = model.types.map((t) => t.name);
  return {
    path: `${layout.service}/src/client.ts`,
    content: `${header(origin, 'the typed client of the extracted service')}
import type { ${[contract, ...typeNames].join(', ')} } from './contract';

/** An error the service answered with: its class name, message and own properties, and the HTTP status. */
export class RemoteError extends Error {
  status: number;
  remoteName: string;
  properties: Record<string, unknown>;
  constructor(status: number, error: { name?: string; message?: string; [key: string]: unknown }) {
    super(error.message ?? \`${origin.service} answered \${status}\`);
    this.name = 'RemoteError';
    this.status = status;
    this.remoteName = error.name ?? 'Error';
    const { name: _name, message: _message, ...properties } = error;
    this.properties = properties;
  }
}

export interface ClientOptions {
  /** Receives the events an operation published in the service, before the call returns. */
  onEvents?: (events: unknown[]) => Promise<void> | void;
}

/** A client for the service at \`baseUrl()\` (read at each call, so the routing setting can move it). */
export function create${contract.replace(/Contract$/, '')}Client(baseUrl: () => string, options: ClientOptions = {}): ${contract} {
  async function call(operation: string, args: Record<string, unknown>): Promise<unknown> {
    const response = await fetch(\`\${baseUrl().replace(/\\/$/, '')}/v1/\${operation}\`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await response.json()) as { error?: { name?: string; message?: string } };
    const events = response.headers.get('seams-events');
    if (events && options.onEvents) await options.onEvents(JSON.parse(decodeURIComponent(events)) as unknown[]);
    if (!response.ok) throw new RemoteError(response.status, body.error ?? {});
    return body;
  }
  return {
${methods.join('\n')}
  };
}
`,
  };
}

/** lambda.ts: the same operations behind API Gateway (HTTP API, payload 2.0). */
export function lambdaFile(origin: Origin, layout: Layout): GeneratedFile {
  return {
    path: `${layout.service}/src/lambda.ts`,
    content: `${header(origin, 'an AWS Lambda handler for the same operations')}
import { handle, headersOf } from './server';

interface HttpApiEvent {
  rawPath: string;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext: { http: { method: string } };
}

/** POST /v1/<operation> with the named arguments as JSON, as the HTTP server takes them. */
export async function handler(event: HttpApiEvent): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  const headers = { 'content-type': 'application/json' };
  if (event.requestContext.http.method === 'GET' && event.rawPath === '/health') return { statusCode: 200, headers, body: JSON.stringify({ status: 'ok', service: '${origin.service}' }) };
  const operation = /^\\/v1\\/([A-Za-z0-9_$]+)$/.exec(event.rawPath)?.[1] ?? '';
  const text = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '{}';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { statusCode: 400, headers, body: JSON.stringify({ error: { name: 'ValidationError', code: 'INVALID_JSON', message: 'the request body is not JSON' } }) };
  }
  const reply = await handle(operation, body);
  return { statusCode: reply.status, headers: headersOf(reply), body: JSON.stringify(reply.body) };
}
`,
  };
}
