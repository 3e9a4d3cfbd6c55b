import { header, type GeneratedFile, type Origin } from './generated-file.ts';

/**
 * The routing switch the facades call. It reads the setting at every call, so changing it needs no
 * rebuild or restart, and rolling back is one edit: an environment variable wins, else the routing
 * file, else `local`.
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

/** What a shadow call found: the remote answer differs from the local one, or failed. */
export interface ShadowReport {
  service: string;
  operation: string;
  local: unknown;
  remote?: unknown;
  error?: string;
}

interface RoutingFile {
  [service: string]: { default?: string; url?: string; operations?: Record<string, string>; shadowIgnore?: string[] } | undefined;
}

// The routing file: SEAMS_ROUTING names it, else seams.routing.json in the working directory.
const routingPath = () => process.env.SEAMS_ROUTING ?? 'seams.routing.json';
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
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !ignore.has(key)).map(([key, item]) => [key, withoutNoise(item, ignore)]));
}

const shadowing = new AsyncLocalStorage<boolean>();

/** True inside the remote half of a shadow call: its side effects (events) must not reach the monolith twice. */
export const isShadowCall = (): boolean => shadowing.getStore() === true;

/** Serves one call as its mode says. Shadow serves the local answer and compares the remote one in the background. */
export async function route<T>(service: string, operation: string, local: () => Promise<T>, remote: () => Promise<T>): Promise<T> {
  const mode = modeOf(service, operation);
  if (mode.kind === 'local') return local();
  if (mode.kind === 'remote') return remote();
  if (mode.kind === 'percent') return Math.random() * 100 < mode.percent ? remote() : local();
  const result = await local();
  // JSON on both sides: the remote answer went through JSON, so compare the local one as it would.
  const expected: unknown = JSON.parse(JSON.stringify(result ?? null));
  const ignore = new Set(routingSettings()[service]?.shadowIgnore ?? []);
  shadowing.run(true, remote).then(
    (other) => {
      if (!isDeepStrictEqual(withoutNoise(expected, ignore), withoutNoise(other ?? null, ignore))) onShadowReport({ service, operation, local: expected, remote: other });
    },
    (error: Error) => onShadowReport({ service, operation, local: expected, error: error.message }),
  );
  return result;
}
`,
  };
}
