import { posix } from 'node:path';
import type { PackageManifest } from './workspaces.ts';

// Source-first: a monorepo's "source" condition points at the code we want; then what TypeScript and Node pick.
const CONDITIONS = ['source', 'development', 'import', 'module', 'require', 'node', 'default', 'types'];
/** The folders a build writes to: its source mirrors them under src/ or the package root. */
export const OUTPUT_DIR = /^\.?\/?(?:dist|lib|build|out|esm|cjs|types)\//;
const OUTPUT_EXTENSION = /\.d\.[mc]?ts$|\.[mc]?js$/;
const SOURCE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.js'];

/**
 * Paths, relative to the package folder, that a subpath ('.' or './x') of a package may load,
 * most preferred first: from `exports` when present, else `module`/`main`/`types`.
 */
export function entryPointsOf(manifest: PackageManifest, subpath: string): string[] {
  if (manifest.exports !== undefined && manifest.exports !== null) return fromExports(manifest.exports, subpath);
  if (subpath !== '.') return [subpath];
  const fields = [manifest.module, manifest.main, manifest.types, manifest.typings].filter(
    (v): v is string => typeof v === 'string',
  );
  return [...fields, './index'];
}

function fromExports(exports: unknown, subpath: string): string[] {
  const isSubpathMap =
    typeof exports === 'object' &&
    !Array.isArray(exports) &&
    Object.keys(exports as object).some((k) => k.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? targets(exports) : [];
  return fromSubpathMap(exports as Record<string, unknown>, subpath);
}

/** Paths, relative to the package folder, that package.json `imports` maps a `#name` specifier to. */
export function importTargetsOf(imports: unknown, specifier: string): string[] {
  return typeof imports === 'object' && imports !== null && !Array.isArray(imports)
    ? fromSubpathMap(imports as Record<string, unknown>, specifier)
    : [];
}

function fromSubpathMap(map: Record<string, unknown>, subpath: string): string[] {
  if (subpath in map) return targets(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const match = subpath.slice(prefix.length, subpath.length - suffix.length);
      return targets(value).map((t) => t.replaceAll('*', match));
    }
  }
  return [];
}

function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targets);
  if (typeof value !== 'object' || value === null) return [];
  const conditions = value as Record<string, unknown>;
  const ordered = [
    ...CONDITIONS.filter((c) => c in conditions),
    ...Object.keys(conditions).filter((c) => !CONDITIONS.includes(c)),
  ];
  return ordered.flatMap((c) => targets(conditions[c]));
}

/**
 * The package's own entry files, relative to its folder: for `main`/`module` and each subpath of `exports` (a pattern
 * names no one file), the first target present among `files`, a target in build output not built yet (`dist/index.js`)
 * read as its source under src/ or the package root (`src/index.ts`), as TypeScript maps output back to source.
 */
export function entrySourcesOf(parsed: object, files: ReadonlySet<string>): string[] {
  // Any parsed package.json: entryPointsOf reads only the fields that are strings, and `exports` as unknown.
  const manifest = parsed as PackageManifest;
  const exports: unknown = manifest.exports;
  const subpaths =
    exports && typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some(isSubpath)
      ? Object.keys(exports).filter((key) => isSubpath(key) && !key.includes('*'))
      : ['.'];
  const probe = (stem: string) =>
    SOURCE_EXTENSIONS.map((extension) => posix.normalize(stem + extension)).find((path) => files.has(path));
  const sourceOf = (target: string) => {
    const stem = posix.normalize(target).replace(/^\.\//, '');
    if (files.has(stem)) return stem;
    const bare = stem.replace(OUTPUT_EXTENSION, '');
    return OUTPUT_DIR.test(bare)
      ? (probe(bare.replace(OUTPUT_DIR, 'src/')) ?? probe(bare.replace(OUTPUT_DIR, '')))
      : probe(bare);
  };
  const found = subpaths.map((subpath) => entryPointsOf(manifest, subpath).map(sourceOf).find(Boolean));
  return [...new Set(found.filter((file): file is string => file !== undefined))];
}

const isSubpath = (key: string) => key.startsWith('.');
