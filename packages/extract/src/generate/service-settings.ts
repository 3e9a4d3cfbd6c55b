import { envPrefix } from './generated-file.ts';

/**
 * The settings a generated server reads from the environment (secret, body limit, timeouts, debug), as
 * TypeScript source: the operations' server and the routes' app declare them alike, under their own names.
 */
export function settingsSource(
  service: string,
  names: { type: string; read: string; sender: string; tokenVia: string; debugShows: string },
): string {
  const env = envPrefix(service);
  return `/** What the server takes from the environment; every limit has a safe default. */
export interface ${names.type} {
  /** The shared secret ${names.sender} sends ${names.tokenVia} (${env}_TOKEN). */
  token: string | undefined;
  /** ${env}_INSECURE=1 serves without a token: local development only. */
  insecure: boolean;
  /** Largest request body, in bytes (${env}_MAX_BODY_BYTES, default 1 MiB): larger ones get 413 unread. */
  maxBodyBytes: number;
  /** Time to receive a request's headers, and the whole request (${env}_HEADERS_TIMEOUT_MS, ${env}_REQUEST_TIMEOUT_MS). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** ${env}_DEBUG=1 puts ${names.debugShows} in answers; otherwise only the log has them. */
  debug: boolean;
}

const number = (text: string | undefined, fallback: number) => (text && Number(text) > 0 ? Number(text) : fallback);

export function ${names.read}(env: Record<string, string | undefined> = process.env): ${names.type} {
  return {
    token: env['${env}_TOKEN'] || undefined,
    insecure: env['${env}_INSECURE'] === '1',
    maxBodyBytes: number(env['${env}_MAX_BODY_BYTES'], 1024 * 1024),
    headersTimeoutMs: number(env['${env}_HEADERS_TIMEOUT_MS'], 10_000),
    requestTimeoutMs: number(env['${env}_REQUEST_TIMEOUT_MS'], 30_000),
    debug: env['${env}_DEBUG'] === '1',
  };
}`;
}
