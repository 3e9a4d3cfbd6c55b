import type { Graph } from '@seams/graph';
import { declaringFile, edgesByImporter } from '../find-event-bus.ts';
import type { ServiceApi } from '../service-api.ts';
import { importPath } from './import-path.ts';

/**
 * An error class the service's code throws, and where the monolith gets it: a file of the project
 * (the service, a shared kernel) or a package (`@nestjs/common`'s `HttpException`).
 */
export type ThrownError = { name: string; file: string; module?: undefined } | { name: string; module: string };

const THROWN = /throw new ([A-Z][A-Za-z0-9_$]*)\s*\(/g;
// `import { A, B as C } from 'pkg'` and `const { A } = require('pkg')`: the bindings a file takes from a package.
const NAMED_IMPORT = /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g;
const NAMED_REQUIRE = /(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The package a binding of this file comes from, with the name the package exports it under. */
function packageImport(text: string, binding: string): { module: string; name: string } | undefined {
  for (const pattern of [NAMED_IMPORT, NAMED_REQUIRE]) {
    for (const [, names, module] of text.matchAll(pattern)) {
      if (!names || !module || module.startsWith('.') || module.startsWith('/')) continue;
      for (const part of names.split(',')) {
        const [exported, local = exported] = part
          .trim()
          .split(/\s+as\s+|\s*:\s*/)
          .map((s) => s.trim());
        if (local === binding && exported) return { module, name: exported };
      }
    }
  }
  return undefined;
}

/**
 * The error classes the service's files throw, found where the monolith declares them: the file
 * itself, a file it imports (through the graph's edges), or a package it imports them from.
 */
export function thrownErrors(
  api: Pick<ServiceApi, 'files'>,
  graph: Pick<Graph, 'edges'>,
  readFile: (path: string) => string,
): ThrownError[] {
  const found = new Map<string, ThrownError>();
  const edgesFrom = edgesByImporter(graph, new Set(api.files));
  for (const file of api.files) {
    const text = readFile(file);
    for (const [, name] of text.matchAll(THROWN)) {
      if (!name || found.has(name) || name === 'Error') continue;
      const declared = new RegExp(`class ${name}\\b`).test(text)
        ? file
        : declaringFile(edgesFrom.get(file) ?? [], name);
      if (declared) {
        found.set(name, { name, file: declared });
        continue;
      }
      // A class the package exports under another name is rebuilt under the name the service throws.
      const fromPackage = packageImport(text, name);
      if (fromPackage && fromPackage.name === name) found.set(name, { name, module: fromPackage.module });
    }
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The facade's import lines for the error classes (project files by relative path, packages as the
 * monolith names them), one per source with the other bindings the facade takes from it.
 */
export function errorImports(
  facadePath: string,
  errors: readonly ThrownError[],
  others: ReadonlyArray<{ source: string; name: string }> = [],
): string[] {
  const bySource = new Map<string, string[]>();
  const sources = errors.map((e) => ({ source: e.module ?? importPath(facadePath, e.file), name: e.name }));
  for (const { source, name } of [...others, ...sources])
    if (!bySource.get(source)?.includes(name)) bySource.set(source, [...(bySource.get(source) ?? []), name]);
  return [...bySource].map(([source, names]) => `import { ${names.join(', ')} } from '${source}';`);
}

/**
 * The facade's `rebuild`: a `RemoteError` whose class the monolith knows becomes that class again,
 * without calling its constructor (whatever its signature): its prototype, then the fields it had
 * (`status`, `code`, `response`...), defined rather than assigned so a getter of the prototype cannot
 * refuse them. `instanceof`, `err.status` and methods such as Nest's `getStatus()` hold.
 */
export function rebuildSource(errors: readonly ThrownError[]): string {
  return `// The error classes the service's code throws, by name: a remote failure comes back as the same class.
const ERRORS: Record<string, { prototype: object }> = { ${errors.map((e) => e.name).join(', ')} };

function rebuild(error: unknown): never {
  if (!(error instanceof RemoteError) || !Object.prototype.hasOwnProperty.call(ERRORS, error.remoteName)) throw error;
  const rebuilt = Object.create(ERRORS[error.remoteName]!.prototype) as Error;
  const field = (value: unknown, enumerable = true) => ({ value, enumerable, writable: true, configurable: true });
  for (const key of Object.keys(error.properties)) Object.defineProperty(rebuilt, key, field(error.properties[key]));
  // As a native error has them: message and stack are not enumerable, unless the class assigned its message itself.
  if (!('message' in error.properties)) Object.defineProperty(rebuilt, 'message', field(error.message, false));
  if (rebuilt.name !== error.remoteName) Object.defineProperty(rebuilt, 'name', field(error.remoteName, false));
  // The stack of the call in this process, under the class's name.
  Object.defineProperty(rebuilt, 'stack', field(error.stack?.replace(/^RemoteError/, error.remoteName), false));
  throw rebuilt;
}`;
}

/**
 * Generated lines that read what an error says its status is (`status`, else `statusCode`, else Nest's
 * `getStatus()`) into `said`, as `unknown`: the server's `statusOf` and the routing's shadow comparison both
 * start from them, so the two sides read a status the same way.
 */
export const SAID_STATUS_SOURCE = `  const { status, statusCode, getStatus } = (error ?? {}) as { status?: unknown; statusCode?: unknown; getStatus?: unknown };
  let said = typeof status === 'number' ? status : statusCode;
  if (typeof said !== 'number' && typeof getStatus === 'function') {
    try {
      said = (getStatus as () => unknown).call(error);
    } catch {
      said = undefined;
    }
  }`;

/**
 * The server's side: an error's HTTP status (\`status\`, \`statusCode\` or Nest's \`getStatus()\`, 400 to
 * 599) and its description as data (class name, message, enumerable own fields). No stack, and no
 * field that holds one, unless debugging: code frames and file paths stay in the service's log.
 */
export function describeErrorSource(): string {
  return `// A domain error says its status (err.status, err.statusCode or err.getStatus(), 400 to 599); anything else is a 500.
function statusOf(error: unknown): number | undefined {
${SAID_STATUS_SOURCE}
  return typeof said === 'number' && Number.isInteger(said) && said >= 400 && said <= 599 ? said : undefined;
}

// A stack trace's frames ("    at f (/srv/app/x.ts:3:9)"): what an error body never shows unless debugging.
const FRAMES = /\\n\\s+at .+:\\d+(:\\d+)?\\)?/;

// Copies a field for the answer: without stacks and frames at any depth; a value inside itself (a cycle) is cut.
function withoutStacks(value: unknown, within: Set<object>): unknown {
  if (typeof value === 'string') return FRAMES.test(value) ? value.split('\\n')[0] : value;
  if (typeof value !== 'object' || value === null) return value;
  if (within.has(value)) return '[Circular]';
  within.add(value);
  let copy: unknown;
  if (Array.isArray(value)) copy = value.map((item) => withoutStacks(item, within));
  else {
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(value)) if (key !== 'stack') fields[key] = withoutStacks((value as Record<string, unknown>)[key], within);
    copy = fields;
  }
  within.delete(value);
  return copy;
}

// Errors cross as data: the class name, the message as the class set it, and every enumerable own field
// (status, code, errors, response...), so the facade can rebuild them. An unexpected error says only its
// class unless debugging: its message may name files.
function describe(error: unknown, full: boolean, withStack = false): Record<string, unknown> {
  const name = error instanceof Error ? (error.constructor?.name ?? error.name) : 'Error';
  if (!full) return { name, message: \`\${SERVICE} failed unexpectedly (its log has the details)\` };
  if (!(error instanceof Error)) return { name, message: String(error) };
  const own = (withStack ? error : withoutStacks(error, new Set())) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(own)) if (key !== 'stack') fields[key] = own[key];
  const message = withStack ? error.message : withoutStacks(error.message, new Set());
  return { ...fields, name, message, ...(withStack && error.stack ? { stack: error.stack } : {}) };
}`;
}
