import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { FileEdit } from '../codemod/rewrite-imports.ts';

// An exclude entry that leaves out a whole folder: `extracted`, `extracted/**`, `extracted/**/*`.
const WHOLE_FOLDER = /^[^*?]*?(?:\/\*\*(?:\/\*)?)?$/;

// What the compiler leaves out when a tsconfig says no `exclude` (its outDir joins them).
const DEFAULT_EXCLUDE = ['node_modules', 'bower_components', 'jspm_packages'];

/**
 * The monolith's tsconfig with the generated service's folder in its `exclude`, when its `include` (or
 * no `include` nor `files`: every file under it, as minimal ES-module configs have) would take the
 * service in: the monolith would then type-check a package it does not install (`zod`) under settings
 * that are not the service's own. Undefined when the service is out of its scope already. Written as a
 * text edit, so comments and formatting stay.
 */
export function excludeServiceEdit(
  tsconfig: string | undefined,
  serviceFolder: string,
  readFile: (path: string) => string,
): FileEdit | undefined {
  if (!tsconfig) return undefined;
  let before: string;
  try {
    before = readFile(tsconfig);
  } catch {
    return undefined;
  }
  const parsed = ts.parseConfigFileTextToJson(tsconfig, before);
  const raw = parsed.config as
    | {
        include?: unknown;
        files?: unknown;
        exclude?: unknown;
        extends?: unknown;
        compilerOptions?: { outDir?: unknown };
      }
    | undefined;
  if (parsed.error || !raw || typeof raw !== 'object') return undefined;
  const folder = posix.relative(posix.dirname(tsconfig), serviceFolder);
  if (folder.startsWith('..')) return undefined;
  const list = (value: unknown) => (Array.isArray(value) ? value.map((item) => posix.normalize(String(item))) : []);
  // Include and exclude inherited from an extended config: left as they are.
  if (raw.extends !== undefined && (raw.include === undefined || raw.exclude === undefined)) return undefined;
  const include = raw.include === undefined && raw.files === undefined ? ['**/*'] : list(raw.include);
  if (!include.some((pattern) => reachesInto(pattern, folder))) return undefined;
  const exclude = list(raw.exclude);
  if (exclude.some((pattern) => WHOLE_FOLDER.test(pattern) && covers(staticFolder(pattern), folder))) return undefined;
  const after = withExcluded(before, raw.exclude === undefined, folder, raw.compilerOptions?.outDir);
  return after === undefined ? undefined : { path: tsconfig, before, after };
}

/**
 * The service's tsconfig with an `exclude` of its own: it extends the monolith's, whose `exclude` now names the
 * service's folder and would leave the service nothing to compile (TS18003).
 */
export function withOwnExclude(content: string): string {
  const config = JSON.parse(content) as Record<string, unknown>;
  if (config['exclude'] !== undefined) return content;
  return `${JSON.stringify({ ...config, exclude: ['node_modules'] }, null, 2)}\n`;
}

// The text with the folder added to `exclude`: into the list it has, or a new list of the defaults and the folder.
function withExcluded(text: string, missing: boolean, folder: string, outDir: unknown): string | undefined {
  const entry = JSON.stringify(folder);
  if (!missing) {
    const list = /"exclude"\s*:\s*\[(\s*)(\])?/.exec(text);
    if (!list) return undefined;
    const [all, space = '', close] = list as unknown as [string, string?, string?];
    const at = list.index + all.length - (close ? 1 : 0);
    return `${text.slice(0, at)}${close ? entry : `${entry},${space || ' '}`}${text.slice(at)}`;
  }
  const end = text.lastIndexOf('}');
  if (end < 0) return undefined;
  const defaults = [...DEFAULT_EXCLUDE, ...(typeof outDir === 'string' ? [posix.normalize(outDir)] : [])];
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const body = text.slice(0, end).replace(/\s*$/, '');
  const comma = body.endsWith('{') || body.endsWith(',') ? '' : ',';
  const value = [...defaults, folder].map((item) => JSON.stringify(item)).join(', ');
  return `${body}${comma}\n${indent}"exclude": [${value}]\n${text.slice(end)}`;
}

// 'src/**/*.ts' -> 'src'; '**/*' -> '.'; 'extracted' -> 'extracted'.
function staticFolder(pattern: string): string {
  const parts = pattern.replace(/^\.\//, '').split('/');
  const wild = parts.findIndex((part) => /[*?]/.test(part));
  if (wild === -1) return pattern.replace(/^\.\//, '');
  return parts.slice(0, wild).join('/') || '.';
}

// Whether an include pattern can take in files under the folder, segment by segment: `extracted/*/facade` takes in
// `extracted/users/facade` but nothing of `extracted/users/service`; `src`, `**/*` and `extracted/**` take in all of it.
function reachesInto(pattern: string, folder: string): boolean {
  const parts = pattern.replace(/^\.\//, '').split('/');
  const segments = folder === '.' ? [] : folder.split('/');
  for (const [index, segment] of segments.entries()) {
    const part = parts[index];
    if (part === undefined || part === '**') return true;
    if (part !== '.' && !posix.matchesGlob(segment, part)) return false;
  }
  return true;
}

const covers = (scope: string, path: string) => scope === '.' || path === scope || path.startsWith(`${scope}/`);
