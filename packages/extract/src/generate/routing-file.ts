import { SAID_STATUS_SOURCE } from './error-rebuild.ts';
import { header, type GeneratedFile, type Origin } from './generated-file.ts';

/**
 * The routing switch the facades call. It reads the setting at every call, so changing it needs no
 * rebuild or restart, and rolling back is one edit: an environment variable wins, else the routing
 * file, else `local`. It compiles under the monolith's toolchain, however old: no library call newer
 * than ES2017, no syntax newer than TypeScript 3.8.
 */
export function routingFile(origin: Origin, path: string): GeneratedFile {
  return {
    path,
    content: `${header(origin, 'the routing switch every facade of this monolith calls')}
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

/** How calls to one operation are served. */
export type Mode = { kind: 'local' } | { kind: 'remote' } | { kind: 'shadow' } | { kind: 'percent'; percent: number };

/**
 * What a shadow call found: the remote answer differs from the local one, or failed. An error, local or
 * remote, is compared as \`{ threw: class, status }\`.
 */
export interface ShadowReport {
  service: string;
  operation: string;
  local: unknown;
  remote?: unknown;
  error?: string;
}

export interface ServiceRouting {
  default?: string;
  url?: string;
  /** Where the service's HTTP routes are served, when it has any (SEAMS_<SERVICE>_ROUTES_URL wins). */
  routesUrl?: string;
  /** Shadow mode replays reads only; \`true\` replays a service's writes too, routes and operations (only when it has its own data). */
  shadowWrites?: boolean;
  /** Per operation, overrides extract's read/write classification in shadow: \`replay\` replays it, \`local\` never does. */
  shadow?: Record<string, 'replay' | 'local'>;
  operations?: Record<string, string>;
  shadowIgnore?: string[];
  /** Milliseconds a remote call may take (default 5000), and per operation. */
  timeoutMs?: number;
  timeouts?: Record<string, number>;
  /** Reads fall back to local when the service cannot answer; \`false\` for one turns that off. Writes never do. */
  fallback?: Record<string, boolean>;
  /** Consecutive failures that open the circuit, and how long it stays open. */
  breaker?: { failures: number; cooldownMs: number };
}

interface RoutingFile {
  [service: string]: ServiceRouting | undefined;
}

// The routing file: SEAMS_ROUTING names it, else seams.routing.json in the working directory.
const routingPath = () => process.env['SEAMS_ROUTING'] ?? 'seams.routing.json';
let cached: { path: string; mtimeMs: number; value: RoutingFile } | undefined;

function routingSettings(): RoutingFile {
  const path = routingPath();
  try {
    const { mtimeMs } = statSync(path);
    if (!cached || cached.path !== path || cached.mtimeMs !== mtimeMs) cached = { path, mtimeMs, value: JSON.parse(readFileSync(path, 'utf8')) as RoutingFile };
    return cached.value;
  } catch {
    return {};
  }
}

const envName = (...parts: string[]) => parts.join('_').toUpperCase().replace(/[^A-Z0-9]+/g, '_');

function parseMode(text: string | undefined): Mode | undefined {
  if (!text) return undefined;
  const value = text.trim().toLowerCase();
  if (value === 'local' || value === 'remote' || value === 'shadow') return { kind: value };
  const percent = /^(\\d{1,3})%$/.exec(value);
  if (percent) return { kind: 'percent', percent: Math.min(100, Number(percent[1])) };
  throw new Error(\`seams routing: '\${text}' is not local, remote, shadow or a percentage like 10%\`);
}

/** The mode for one operation: SEAMS_ROUTE_<SERVICE>_<OPERATION>, SEAMS_ROUTE_<SERVICE>, the routing file, else local. */
export function modeOf(service: string, operation: string): Mode {
  const file = routingSettings()[service];
  return (
    parseMode(process.env[envName('SEAMS_ROUTE', service, operation)]) ??
    parseMode(process.env[envName('SEAMS_ROUTE', service)]) ??
    parseMode(file?.operations?.[operation]) ??
    parseMode(file?.default) ?? { kind: 'local' }
  );
}

/** Where the extracted service listens: SEAMS_<SERVICE>_URL, else the routing file's url. */
export function endpointOf(service: string): string {
  const url = process.env[envName('SEAMS', service, 'URL')] ?? routingSettings()[service]?.url;
  if (!url) throw new Error(\`seams routing: \${service} is routed remote but has no url: set \${envName('SEAMS', service, 'URL')} or "url" in \${routingPath()}\`);
  return url;
}

/** The shared secret the service checks: SEAMS_<SERVICE>_TOKEN, from the environment only (never the routing file). */
export const tokenOf = (service: string): string | undefined => process.env[envName('SEAMS', service, 'TOKEN')] || undefined;

/** Milliseconds one remote call may take: SEAMS_<SERVICE>_TIMEOUT_MS, the routing file's per-operation or service value, else 5000. */
export function timeoutOf(service: string, operation: string): number {
  const file = routingSettings()[service];
  const chosen = Number(process.env[envName('SEAMS', service, 'TIMEOUT_MS')] ?? file?.timeouts?.[operation] ?? file?.timeoutMs);
  return chosen > 0 ? chosen : 5000;
}

/** When the circuit opens and for how long: the routing file's \`breaker\`, else 5 failures in a row and 30 s. */
export function breakerOf(service: string): { failures: number; cooldownMs: number } {
  const breaker = routingSettings()[service]?.breaker;
  return breaker && breaker.failures > 0 && breaker.cooldownMs > 0 ? breaker : { failures: 5, cooldownMs: 30_000 };
}

/** One service's part of the routing file (empty when there is none). */
export const serviceRouting = (service: string): ServiceRouting => routingSettings()[service] ?? {};

let onShadowReport = (report: ShadowReport) => {
  console.error(\`seams shadow: \${report.service}.\${report.operation} \${report.error ? \`failed remotely: \${report.error}\` : 'differs'}\`, JSON.stringify(report));
};

/** Where shadow differences go (default: one line on stderr); returns the previous handler. */
export function setShadowReporter(handler: (report: ShadowReport) => void): (report: ShadowReport) => void {
  const previous = onShadowReport;
  onShadowReport = handler;
  return previous;
}

// Fields that differ on every run (ids, timestamps) are noise to a comparison: the routing file's
// shadowIgnore lists them by name, at any depth.
function withoutNoise(value: unknown, ignore: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutNoise(item, ignore));
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (!ignore.has(key)) kept[key] = withoutNoise(item, ignore);
  return kept;
}

/** Sends a shadow finding to the reporter; a reporter that throws is ignored. */
export function reportShadow(report: ShadowReport): void {
  try {
    onShadowReport(report);
  } catch {
    // The reporter's failure must not reach the request that was shadowed.
  }
}

/** True when the remote answer differs from the local one, both as JSON, ignoring the routing file's shadowIgnore fields. */
export function shadowDiffers(service: string, local: unknown, remote: unknown): boolean {
  const ignore = new Set(routingSettings()[service]?.shadowIgnore ?? []);
  return !isDeepStrictEqual(withoutNoise(local, ignore), withoutNoise(remote, ignore));
}

const shadowing = new AsyncLocalStorage<boolean>();
// Shadow calls run beside the monolith's own: past this many in flight, further ones are skipped rather than queued.
const MAX_SHADOWS = 100;
const shadowsInFlight = new Set<Promise<unknown>>();
const lastFallbackNote = new Map<string, number>();
const lastReplayNote = new Map<string, number>();

/** Runs one shadow comparison in the background unless the cap is reached (then it is skipped, not queued). */
export function trackShadow(run: () => Promise<void>): void {
  if (shadowsInFlight.size >= MAX_SHADOWS) return;
  const shadow: Promise<void> = run()
    .catch(() => undefined)
    .then(() => void shadowsInFlight.delete(shadow));
  shadowsInFlight.add(shadow);
}

/** True inside the remote half of a shadow call: its side effects (events) must not reach the monolith twice. */
export const isShadowCall = (): boolean => shadowing.getStore() === true;

/**
 * Resolves once the shadow calls under way have answered or failed: for a graceful shutdown, or a
 * script that wants their reports. Shadow calls alone never keep the process alive; waiting here does.
 */
export async function shadowsSettled(): Promise<void> {
  const alive = setInterval(() => undefined, 60_000);
  try {
    await Promise.all([...shadowsInFlight].map((shadow) => shadow.catch(() => undefined)));
  } finally {
    clearInterval(alive);
  }
}

/** Whether an operation only reads: a read may fall back to local when the service cannot answer, a write never. */
export type Access = 'read' | 'write';

const unavailable = (error: unknown) => (error as { unavailable?: unknown } | null)?.unavailable === true;

// A read the service could not answer is served locally, said on stderr at most every 10 s per operation.
async function remoteOrFallback<T>(service: string, operation: string, access: Access, local: () => Promise<T>, remote: () => Promise<T>): Promise<T> {
  try {
    return await remote();
  } catch (error) {
    if (access !== 'read' || !unavailable(error) || routingSettings()[service]?.fallback?.[operation] === false) throw error;
    const key = \`\${service}.\${operation}\`;
    if (Date.now() - (lastFallbackNote.get(key) ?? 0) > 10_000) {
      lastFallbackNote.set(key, Date.now());
      console.error(\`seams routing: \${key} served locally: \${(error as Error).message}\`);
    }
    return local();
  }
}

/**
 * Whether shadow mode replays an operation to the service: a read yes; a write, which would happen twice on a shared
 * database, only when the routing file says \`"shadowWrites": true\` (the service has its own data). The routing
 * file's \`shadow\` overrides the classification for one operation. A write served locally only is said on stderr.
 */
export function shadowReplays(service: string, operation: string, access: Access): boolean {
  const settings = routingSettings()[service];
  const chosen = settings?.shadow?.[operation];
  if (chosen === 'replay' || chosen === 'local') return chosen === 'replay';
  if (access === 'read' || settings?.shadowWrites === true) return true;
  const key = \`\${service}.\${operation}\`;
  if (Date.now() - (lastReplayNote.get(key) ?? 0) > 10_000) {
    lastReplayNote.set(key, Date.now());
    console.error(\`seams routing: \${key} not replayed: shadow replays reads only unless the routing file sets "shadowWrites": true or "shadow": { "\${operation}": "replay" }\`);
  }
  return false;
}

/**
 * Serves one call as its mode says. Shadow serves the local answer and compares the remote one in
 * the background, without waiting for it or keeping the process alive for it.
 */
export async function route<T>(service: string, operation: string, local: () => Promise<T>, remote: () => Promise<T>, access: Access = 'write'): Promise<T> {
  const mode = modeOf(service, operation);
  if (mode.kind === 'local') return local();
  if (mode.kind === 'remote') return remoteOrFallback(service, operation, access, local, remote);
  if (mode.kind === 'percent') return Math.random() * 100 < mode.percent ? remoteOrFallback(service, operation, access, local, remote) : local();
  if (!shadowReplays(service, operation, access)) return local();
  // The local outcome is what the caller gets, a value or an error; the remote call is made and compared either way.
${LOCAL_OUTCOME}
  // JSON on both sides: the remote answer went through JSON, so compare the local one as it would; an error as its class and status.
  const expected: unknown = thrown ? thrownKind(thrown.error) : JSON.parse(JSON.stringify(result ?? null));
  // The remote half in a promise of its own: older Node types say run() returns nothing.
  const remoteAnswer = () => new Promise<T>((resolve, reject) => shadowing.run(true, () => void remote().then(resolve, reject)));
  trackShadow(() =>
    remoteAnswer().then(
      (other) => {
        if (shadowDiffers(service, expected, other ?? null)) reportShadow({ service, operation, local: expected, remote: other });
      },
      (error: Error) => {
        // Both threw: the same class with the same status is the same answer. The service not answering is not.
        if (!thrown || unavailable(error)) reportShadow({ service, operation, local: expected, error: error.message });
        else if (shadowDiffers(service, expected, thrownKind(error))) reportShadow({ service, operation, local: expected, remote: thrownKind(error) });
      },
    ),
  );
  if (thrown) throw thrown.error;
  return result as T;
}

// An error as a shadow compares it: its class and its status, not its message or stack.
function thrownKind(error: unknown): { threw: string; status?: number } {
${SAID_STATUS_SOURCE}
  const name = (error as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof error;
  return typeof said === 'number' ? { threw: name, status: said } : { threw: name };
}
`,
  };
}

/** Generated lines that run the local half of a shadowed call and keep its outcome, a value or an error. */
export const LOCAL_OUTCOME = `  let result: T | undefined;
  let thrown: { error: unknown } | undefined;
  try {
    result = await local();
  } catch (error) {
    thrown = { error };
  }`;
