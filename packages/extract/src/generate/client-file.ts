import type { ContractModel } from '../contract/build-contract.ts';
import { contractName, parameterList, propertyKey, remoteOperations } from './contract-files.ts';
import { header, stringLiteral, type GeneratedFile, type Origin } from './generated-file.ts';
import type { Layout } from './service-files.ts';

/**
 * client.ts: the typed client the monolith's facade calls, safe by default: a timeout per call,
 * bounded connections and answers, a circuit breaker, the shared secret, events read from the
 * answer's body and checked against the ones the service is known to publish. It fails with
 * errors the monolith can catch: `RemoteError` (the service answered with an error) or
 * `ServiceUnavailableError` (it could not answer: down, hung, circuit open, a proxy's non-JSON error).
 */
export function clientFile(origin: Origin, model: ContractModel, layout: Layout): GeneratedFile {
  const contract = contractName(origin.service);
  const methods = remoteOperations(model).map((operation) => {
    const params = parameterList(operation.params);
    const body = operation.params.map((p) => p.name).join(', ');
    // An absent result crossed JSON as null: the caller gets undefined back, as from the monolith's code.
    const absent = / \| undefined$/.test(operation.returns.text) && !/\bnull\b/.test(operation.returns.text);
    const result = absent ? `.then((result) => result ?? undefined)` : '';
    return `    ${propertyKey(operation.name)}: (${params}) => call('${operation.name}', { ${body} })${result} as Promise<${operation.returns.text}>,`;
  });
  // Only the types the methods name: a monolith may compile with noUnusedLocals.
  const typeNames = model.types
    .map((t) => t.name)
    .filter((name) => new RegExp(`\\b${name}\\b`).test(methods.join('\n')));
  // With nothing remote (extract --force) the client is its errors only: no transport nobody calls.
  const transportImports = methods.length
    ? `import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingMessage as HttpIncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { URL } from 'node:url';
import type { ${[contract, ...typeNames].join(', ')} } from './contract';

`
    : '';
  const transport = methods.length
    ? `// The service sends at most this many events with one answer (server.ts says the same).
const MAX_EVENTS = 100;

`
    : '';
  const calling = methods.length
    ? `export interface ClientOptions {
  /** Receives the events an operation published in the service, before the call returns. */
  onEvents?: (events: unknown[]) => Promise<void> | void;
  /** The event types the service is known to publish; others in an answer are dropped (undefined: any typed object). */
  knownEvents?: readonly string[];
  /** The shared secret the service checks, read at each call. */
  token?: () => string | undefined;
  /** Milliseconds one call may take, queueing included (default 5000). */
  timeoutMs?: (operation: string) => number;
  /** True for calls that must never keep the process alive (shadow calls). */
  background?: () => boolean;
  /** Connections open to the service at once (default 64); further calls wait their turn, within their timeout. */
  maxConnections?: number;
  /** Largest answer read, in bytes (default 10 MiB). */
  maxAnswerBytes?: number;
  /** Consecutive failures that open the circuit (default 5), and how long it stays open (default 30 s). */
  breaker?: { failures: number; cooldownMs: number };
}

interface Answer {
  status: number;
  json: boolean;
  text: string;
}

/** A client for the service at \`baseUrl()\` (read at each call, so the routing setting can move it). */
export function create${contract.replace(/Contract$/, '')}Client(baseUrl: () => string, options: ClientOptions = {}): ${contract} {
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: options.maxConnections ?? 64 }), https: new HttpsAgent({ keepAlive: true, maxSockets: options.maxConnections ?? 64 }) };
  const breaker = options.breaker ?? { failures: 5, cooldownMs: 30_000 };
  let failures = 0;
  let openUntil = 0;
  let probing = false;

  function post(operation: string, body: string): Promise<Answer> {
    const url = new URL(\`\${baseUrl().replace(/\\/$/, '')}/v1/\${operation}\`);
    const timeoutMs = options.timeoutMs?.(operation) ?? 5000;
    const token = options.token?.();
    const background = options.background?.() ?? false;
    return new Promise((resolve, reject) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(url, {
        method: 'POST',
        agent: url.protocol === 'https:' ? agents.https : agents.http,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: \`Bearer \${token}\` } : {}) },
      });
      const fail = (error: ServiceUnavailableError) => request.destroy(error);
      // Neither the timer nor a background call's socket keeps the process alive.
      const timer = setTimeout(() => fail(new ServiceUnavailableError(SERVICE, 'timeout', undefined, \`no answer to \${operation} within \${timeoutMs} ms\`)), timeoutMs);
      timer.unref();
      if (background) request.on('socket', (socket) => socket.unref());
      request.on('response', (response: HttpIncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const limit = options.maxAnswerBytes ?? 10 * 1024 * 1024;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) fail(new ServiceUnavailableError(SERVICE, 'too-large', response.statusCode, \`the answer to \${operation} is above \${limit} bytes\`));
          else chunks.push(chunk);
        });
        response.on('end', () => {
          clearTimeout(timer);
          const json = /^application\\/(?:[\\w.-]+\\+)?json$/i.test((response.headers['content-type'] ?? '').split(';')[0]!.trim());
          resolve({ status: response.statusCode ?? 0, json, text: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', (error) => reject(error));
      });
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error instanceof ServiceUnavailableError ? error : new ServiceUnavailableError(SERVICE, 'down', undefined, error.message));
      });
      request.end(body);
    });
  }

  // Only the failures that say the service cannot answer count towards opening the circuit.
  function settle(unavailable: boolean): void {
    if (!unavailable) {
      failures = 0;
      openUntil = 0;
      probing = false;
      return;
    }
    failures++;
    if (probing || failures >= breaker.failures) openUntil = Date.now() + breaker.cooldownMs;
    probing = false;
  }

  async function call(operation: string, args: Record<string, unknown>): Promise<unknown> {
    if (openUntil > 0) {
      // Open: fail fast. Once the cooldown is over, one call at a time probes whether the service is back.
      if (Date.now() < openUntil || probing) throw new ServiceUnavailableError(SERVICE, 'circuit-open', undefined, \`\${failures} calls failed in a row; retrying after the cooldown\`);
      probing = true;
    }
    let answer: Answer;
    try {
      answer = await post(operation, JSON.stringify(args));
    } catch (error) {
      settle(true);
      throw error;
    }
    let parsed: { result?: unknown; error?: { name?: string; message?: string }; events?: unknown } | undefined;
    try {
      parsed = answer.json ? (JSON.parse(answer.text) as typeof parsed) : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== 'object') {
      settle(answer.status >= 500);
      throw new ServiceUnavailableError(SERVICE, 'bad-answer', answer.status, \`\${operation} got a \${answer.status} answer that is not the service's JSON\`);
    }
    settle(false);
    const events = checkedEvents(parsed.events, options.knownEvents);
    if (events.length > 0 && options.onEvents) await options.onEvents(events);
    if (answer.status < 200 || answer.status > 299) throw new RemoteError(answer.status, parsed.error ?? {});
    return parsed.result;
  }

  return {
${methods.join('\n')}
  };
}

// Events come from the answer's body: a bounded list of objects with a type the service is known to publish.
function checkedEvents(value: unknown, known: readonly string[] | undefined): unknown[] {
  if (!Array.isArray(value)) return [];
  const accepted = value.slice(0, MAX_EVENTS).filter((event): event is { type: string } => {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) return false;
    const type = (event as { type?: unknown }).type;
    return known === undefined || (typeof type === 'string' && known.includes(type));
  });
  if (accepted.length < value.length)
    console.error(\`seams: \${SERVICE} sent \${value.length - accepted.length} event(s) it is not known to publish, or too many; they were not published\`);
  return accepted;
}
`
    : '';
  return {
    path: `${layout.service}/src/client.ts`,
    content: `${header(origin, 'the typed client of the extracted service')}
${transportImports}const SERVICE = ${stringLiteral(origin.service)};
${transport}/** An error the service answered with: its class name, message and own properties, and the HTTP status. */
export class RemoteError extends Error {
  status: number;
  remoteName: string;
  properties: Record<string, unknown>;
  constructor(status: number, error: { name?: string; message?: string; [key: string]: unknown }) {
    super(typeof error.message === 'string' ? error.message : \`\${SERVICE} answered \${status}\${error.message === undefined ? '' : \`: \${JSON.stringify(error.message)}\`}\`);
    this.name = 'RemoteError';
    this.status = status;
    this.remoteName = typeof error.name === 'string' ? error.name : 'Error';
    // A message that is not a string (an old HttpException's response object) is kept as the class set it.
    const { name: _name, message, ...properties } = error;
    this.properties = typeof message === 'string' || message === undefined ? properties : { ...properties, message };
  }
}

/**
 * The service could not answer. \`status\` is the HTTP status when something answered (a proxy's
 * 502), else undefined. After a timeout a write may or may not have happened: check before retrying.
 */
export class ServiceUnavailableError extends Error {
  readonly unavailable = true;
  // Fields declared, not parameter properties: erasable syntax, as type-stripping runtimes need.
  readonly service: string;
  readonly reason: 'down' | 'timeout' | 'circuit-open' | 'bad-answer' | 'too-large';
  readonly status: number | undefined;
  constructor(service: string, reason: ServiceUnavailableError['reason'], status: number | undefined, detail: string) {
    super(\`\${service} is unavailable (\${reason}\${status ? \` \${status}\` : ''}): \${detail}\`);
    this.name = 'ServiceUnavailableError';
    this.service = service;
    this.reason = reason;
    this.status = status;
  }
}

${calling}`,
  };
}
